% clonus_example.m: detect clonus in a MATLAB vector with the clonus Java library.
%
% Loads the jar ($CLONUS_JAR, else the newest ../target/clonus-<version>-cli.jar; build it with
%   mvn -B -ntp -q -Dmaven.test.skip=true package
% in the repository), builds an io.clonus.detect.Signal from a vector and its sample rate, runs
% io.clonus.detect.ClonusDetector and prints the classification, the episodes, the beats and the methods
% paragraph; then the same for a three-axis accelerometer, and what a bad signal gives.
%
% Needs a MATLAB whose JVM is Java 17 or newer (see README.md). Not tested: this repository's machines
% have no MATLAB.

here = fileparts(mfilename('fullpath'));
repo = fullfile(here, '..');

%% the jar
jar = getenv('CLONUS_JAR');
if isempty(jar)
    found = dir(fullfile(repo, 'target', 'clonus-*-cli.jar'));
    if isempty(found)
        error('clonus:nojar', ['No clonus jar: %s has no clonus-<version>-cli.jar. Build it in the ' ...
            'repository with\n  mvn -B -ntp -q -Dmaven.test.skip=true package\nor set CLONUS_JAR ' ...
            'to the jar''s path.'], fullfile(repo, 'target'));
    end
    [~, newest] = max([found.datenum]);
    jar = fullfile(found(newest).folder, found(newest).name);
end
javaVersion = char(java.lang.System.getProperty('java.specification.version'));
if str2double(regexprep(javaVersion, '^1\.', '')) < 17
    error('clonus:java', ['The clonus jar needs Java 17 or newer; this MATLAB runs Java %s. Point ' ...
        'MATLAB at a Java 17 runtime with jenv (see matlab/README.md).'], javaVersion);
end
if ~any(strcmp(javaclasspath('-dynamic'), jar))
    javaaddpath(jar);
end

%% one EMG channel: a vector and its sample rate
data = readmatrix(fullfile(repo, 'sample-signals', 'emg_sustained.csv'), ...
    'FileType', 'text', 'NumHeaderLines', 2);      % a '#' line, the header; then time, emg_soleus
t = data(:, 1);
emg = data(:, 2);
fs = 1 / ((t(end) - t(1)) / (numel(t) - 1));       % 1000 Hz, from the time column as the CLI takes it

signal = io.clonus.detect.Signal.emg('emg_soleus', fs, emg);   % copies the vector into a double[]
detector = io.clonus.detect.ClonusDetector.create();           % default settings; thread-safe
result = detector.analyze(signal);                             % io.clonus.detect.ClonusResult

fprintf('%s: %s, %d beats', char(result.label()), char(result.classification().name()), result.beatCount());
f = result.frequencyHz();                                      % java.util.OptionalDouble
if f.isPresent()
    fprintf(' at %.3f Hz', f.getAsDouble());
end
fprintf(', SCATS grade %d\n', result.scatsGrade());

episodes = result.episodes();                                  % java.util.List<Episode>, 0-based get
for i = 0:episodes.size() - 1
    e = episodes.get(i);
    fprintf('  episode %d: %.3f-%.3f s, %d beats, %.3f Hz, %s\n', i + 1, e.startS(), e.endS(), ...
        e.beatCount(), e.frequencyHz(), char(e.classification().name()));
end

beats = result.beats();                                        % every beat of every episode, in time order
beatTimes = zeros(beats.size(), 1);
beatAmplitudes = zeros(beats.size(), 1);
for i = 0:beats.size() - 1
    b = beats.get(i);
    beatTimes(i + 1) = b.timeS();
    beatAmplitudes(i + 1) = b.amplitude();
end
disp(table(beatTimes, beatAmplitudes, 'VariableNames', {'timeS', 'amplitude'}));

disp(char(result.methods()));

%% an accelerometer: three axes of one sensor, other settings
data = readmatrix(fullfile(repo, 'sample-signals', 'acc_triaxial.csv'), ...
    'FileType', 'text', 'NumHeaderLines', 2);      % time, acc_x, acc_y, acc_z in g
t = data(:, 1);
fs = 1 / ((t(end) - t(1)) / (numel(t) - 1));       % 100 Hz
xyz = data(:, 2:4);                                % N x 3
% Signal.acc(String, double, double[]...): MATLAB passes a 3 x N matrix as double[3][N], one row per axis
acc = io.clonus.detect.Signal.acc('ankle', fs, xyz.');
config = io.clonus.detect.DetectorConfig.builder().band(4, 9).minBeats(4).build();
result = io.clonus.detect.ClonusDetector.of(config).analyze(acc);
fprintf('%s: %s, %d beats, %d episode(s); band %g-%g Hz\n', char(result.label()), ...
    char(result.classification().name()), result.beatCount(), result.episodes().size(), ...
    result.config().bandLowHz(), result.config().bandHighHz());

%% bad input: the library refuses it with a message meant for the user
bad = emg;
bad(100) = NaN;
try
    detector.analyze(io.clonus.detect.Signal.emg('emg_soleus', 1000, bad));
catch err
    if isa(err, 'matlab.exception.JavaException')
        % io.clonus.detect.InvalidSignalException: the message says which sample and what to do
        fprintf('refused: %s\n', char(err.ExceptionObject.getMessage()));
    else
        rethrow(err);
    end
end
