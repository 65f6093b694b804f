"""Finding the clonus jar and starting the Java virtual machine, once, on first use."""

import os
import threading
from pathlib import Path

#: Environment variable naming the jar to load.
JAR_ENV = "CLONUS_JAR"

# python/clonus/_jvm.py -> the repository (when run from a checkout or an editable install)
_REPO = Path(__file__).resolve().parents[2]
_BUILD = "mvn -B -ntp -q -Dmaven.test.skip=true package"


class JarNotFoundError(FileNotFoundError):
    """The clonus jar was not found: neither CLONUS_JAR nor the repository's target/ folder has it."""


def find_jar():
    """Returns the jar that :func:`start_jvm` loads.

    ``$CLONUS_JAR`` when set, else the newest ``target/clonus-<version>-cli.jar`` of the repository this
    package lies in (as ``bin/clonus`` picks it). The CLI jar holds the library and its dependencies.

    Raises:
        JarNotFoundError: with the command that builds the jar.
    """
    env = os.environ.get(JAR_ENV)
    if env:
        p = Path(env).expanduser()
        if p.is_file():
            return p.resolve()
        raise JarNotFoundError(
            f"{JAR_ENV}={env} is not a file: point it at clonus-<version>-cli.jar, which `{_BUILD}` makes"
            f" in the repository's target/ folder")
    jars = sorted(_REPO.glob("target/clonus-*-cli.jar"), key=lambda p: p.stat().st_mtime, reverse=True)
    if jars:
        return jars[0]
    raise JarNotFoundError(
        f"the clonus jar is missing: {_REPO / 'target'} has no clonus-<version>-cli.jar. Build it in the"
        f" repository with\n    cd {_REPO} && {_BUILD}\nor set {JAR_ENV} to the path of a"
        f" clonus-<version>-cli.jar.")


class _Java:
    """The Java classes the package calls, looked up once."""

    def __init__(self, jpype, jar):
        from jpype import JArray, JClass, JDouble, JString

        self.jar = jar
        self.JArray = JArray
        self.JDouble = JDouble
        self.JString = JString
        self.JException = jpype.JException
        self.IllegalArgumentException = JClass("java.lang.IllegalArgumentException")
        self.Signal = JClass("io.clonus.detect.Signal")
        self.SignalType = JClass("io.clonus.detect.SignalType")
        self.ClonusDetector = JClass("io.clonus.detect.ClonusDetector")
        self.DetectorConfig = JClass("io.clonus.detect.DetectorConfig")
        self.ClassificationRule = JClass("io.clonus.detect.ClassificationRule")
        self.MainsSetting = JClass("io.clonus.detect.MainsSetting")
        self.Main = JClass("io.clonus.cli.Main")
        self.ByteArrayOutputStream = JClass("java.io.ByteArrayOutputStream")
        self.PrintStream = JClass("java.io.PrintStream")


_lock = threading.Lock()
_java = None


def _support_jar(jpype):
    """JPype's own org.jpype.jar when the JPype install does not find it itself.

    JPype looks for it beside its native module; Debian's python3-jpype (1.4.1) installs it in
    /usr/share/java instead, and its JVM then fails to start without it on the class path.
    """
    import _jpype

    beside = [Path(_jpype.__file__).parent / "org.jpype.jar", Path(jpype.__file__).parent / "org.jpype.jar"]
    if any(p.is_file() for p in beside):
        return []
    system = Path("/usr/share/java/org.jpype.jar")
    return [str(system)] if system.is_file() else []


def start_jvm(jar=None, jvm_args=()):
    """Starts the JVM with the clonus jar, once; :func:`clonus.analyze` calls it on first use.

    Call it yourself only to choose the jar or pass JVM options, before the first analysis::

        clonus.start_jvm(jvm_args=["-Xmx8g"])

    Args:
        jar: path of clonus-<version>-cli.jar; default :func:`find_jar`.
        jvm_args: options for the JVM, such as ``"-Xmx8g"``.

    Returns:
        the jar in use.

    Raises:
        ImportError: JPype is not installed.
        JarNotFoundError: no jar (the message says how to build it).
        RuntimeError: the JVM is already running without clonus, or the jar lacks the dependencies.
    """
    return _start(jar, jvm_args).jar


def _start(jar=None, jvm_args=()):
    global _java
    with _lock:
        if _java is not None:
            if jar is not None and Path(jar).resolve() != _java.jar or jvm_args:
                raise RuntimeError(f"the JVM is already running with {_java.jar}; a JVM starts once per process,"
                                   " so call clonus.start_jvm(...) before the first analysis")
            return _java
        try:
            import jpype
        except ImportError:
            raise ImportError("clonus calls its Java library through JPype, which is not installed: install"
                              " it with `apt-get install -y python3-jpype` (Debian, Ubuntu) or"
                              " `pip install JPype1`") from None
        path = Path(jar).expanduser().resolve() if jar is not None else find_jar()
        if not path.is_file():
            raise JarNotFoundError(f"{path} is not a file: give the path of clonus-<version>-cli.jar")
        if jpype.isJVMStarted():
            # started by someone else: the jar can no longer be added, so it must already be there
            try:
                jpype.JClass("io.clonus.detect.ClonusDetector")
            except Exception:
                raise RuntimeError("a JVM is already running in this process without the clonus jar on its class"
                                   f" path; start it with classpath=[{str(path)!r}] or call clonus.start_jvm()"
                                   " before anything else starts it") from None
        else:
            jpype.startJVM("-Djava.awt.headless=true", *jvm_args, classpath=[str(path)] + _support_jar(jpype),
                           convertStrings=False)
        try:
            _java = _Java(jpype, path)
            # the CLI jar carries the dependencies; the thin library jar alone fails at the first FFT
            jpype.JClass("org.jtransforms.fft.DoubleFFT_1D")
            jpype.JClass("org.apache.commons.math3.distribution.ChiSquaredDistribution")
        except Exception as e:
            _java = None
            raise RuntimeError(f"{path} does not hold the clonus library with its dependencies ({e}); use"
                               f" clonus-<version>-cli.jar, which `{_BUILD}` makes in target/") from None
        return _java
