package io.clonus.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns command-line arguments into the input files to analyse.
 *
 * <ul>
 * <li>An existing file is taken as it is, whatever its extension.</li>
 * <li>A directory is searched recursively for files ending in {@code .csv .txt .tsv .edf .bdf .mat}
 *     (case-insensitive), sorted by path.</li>
 * <li>Anything else containing {@code * ? [ {} is a glob, expanded here for shells that do not (and for
 *     quoted patterns): {@code *} and {@code ?} stay within a directory, {@code **} crosses directories
 *     and, as in bash's globstar, also matches none ({@code data/**}{@code /*.csv} finds
 *     {@code data/a.csv}). Matches are filtered to the extensions above and sorted.</li>
 * </ul>
 * An argument that is none of these (a missing file), a directory without recordings and a glob matching
 * nothing are reported as problems, one each, and the others go on. A file named twice is analysed once.
 * An argument that names something other than a regular file or directory (a FIFO, a device such as
 * {@code /dev/zero}, a socket) is refused at once, since reading it could block or never end. Directory
 * scans and globs skip hidden files and folders (names starting with {@code .}, such as the {@code ._x.edf}
 * companions macOS writes on foreign disks) and annotation-only EDF+ files (a rater's or {@code --annotations}'
 * file beside a recording), and count them. Stateless and thread-safe.
 */
final class Inputs {
    /** Extensions of the files taken from directories and globs. */
    static final List<String> EXTENSIONS = List.of(".csv", ".txt", ".tsv", ".edf", ".bdf", ".mat");

    private Inputs() {
    }

    /**
     * One input file.
     *
     * @param path  where to read it (resolved against the base directory)
     * @param shown the path as the user gave it (or as found under the directory or glob they gave), for
     *              messages and the {@code file} field of the outputs
     */
    record Input(Path path, String shown) {
    }

    /**
     * One outcome of the expansion: a file to analyse or a problem, never both.
     *
     * @param input   a file, or null
     * @param problem an argument that named nothing to analyse, or null
     */
    record Item(Input input, Failure problem) {
    }

    /**
     * @param items files and problems in argument order (each directory and glob sorted), so that problems
     *              are reported where they arise
     */
    record Expansion(List<Item> items, int hiddenSkipped, int annotationOnlySkipped) {
        /** @return the files only */
        List<Input> files() {
            return items.stream().filter(i -> i.input() != null).map(Item::input).toList();
        }

        /** @return the problems only */
        List<Failure> problems() {
            return items.stream().filter(i -> i.problem() != null).map(Item::problem).toList();
        }
    }

    /**
     * @param args the arguments
     * @param base directory that relative arguments are resolved against
     * @return the files and the problems
     */
    static Expansion expand(List<String> args, Path base) {
        List<Item> items = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        int[] hidden = {0, 0};
        for (String arg : args) {
            Path p = base.resolve(arg);
            try {
                List<Input> found;
                if (Files.isDirectory(p)) {
                    found = directory(p, arg, hidden);
                    if (found.isEmpty()) {
                        items.add(problem(arg, "directory holds no " + String.join(" ", EXTENSIONS) + " file"));
                    }
                } else if (Files.isRegularFile(p)) {
                    found = List.of(new Input(p, arg));
                } else if (Files.exists(p)) {
                    items.add(problem(arg, "not a regular file (a pipe, device or socket), which could block or"
                            + " never end; copy the recording to a file first"));
                    found = List.of();
                } else if (isGlob(arg)) {
                    found = glob(arg, base, hidden);
                    if (found.isEmpty()) {
                        items.add(problem(arg, "pattern matches no " + String.join(" ", EXTENSIONS) + " file"));
                    }
                } else {
                    items.add(problem(arg, "no such file or directory"));
                    found = List.of();
                }
                for (Input in : found) {
                    if (seen.add(key(in.path()))) {
                        items.add(new Item(in, null));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                items.add(problem(arg, "cannot list: " + Failure.describe(e instanceof UncheckedIOException u
                        ? u.getCause() : (IOException) e)));
            }
        }
        return new Expansion(List.copyOf(items), hidden[0], hidden[1]);
    }

    private static Item problem(String where, String message) {
        return new Item(null, new Failure(where, message));
    }

    /** @return whether the file name ends in one of {@link #EXTENSIONS} */
    static boolean hasRecordingExtension(Path p) {
        Path name = p.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (n.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    static boolean isGlob(String arg) {
        return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0 || arg.indexOf('[') >= 0 || arg.indexOf('{') >= 0;
    }

    private static Path key(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * Whether a file is an annotation-only EDF+/BDF+ (one signal, labelled "EDF Annotations" or "BDF
     * Annotations"), as EDFbrowser exports and {@code --annotations} writes beside recordings: found in a
     * directory or glob it is not a recording to analyse (named on its own it is analysed and refused). Reads
     * the first 272 bytes; a file that cannot be read is left to the analysis to report.
     */
    static boolean annotationOnly(Path f) {
        String n = f.getFileName() == null ? "" : f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".edf") && !n.endsWith(".bdf")) {
            return false;
        }
        byte[] head = new byte[272];
        try (java.io.InputStream in = Files.newInputStream(f)) {
            if (in.readNBytes(head, 0, head.length) < head.length) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        String signals = new String(head, 252, 4, java.nio.charset.StandardCharsets.US_ASCII).strip();
        String label = new String(head, 256, 16, java.nio.charset.StandardCharsets.US_ASCII).strip();
        return signals.equals("1") && (label.equals("EDF Annotations") || label.equals("BDF Annotations"));
    }

    /** Whether a path below {@code root} has a hidden component (a name starting with '.'). */
    private static boolean hiddenBelow(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static List<Input> directory(Path dir, String shown, int[] hidden) throws IOException {
        List<Input> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(Inputs::hasRecordingExtension)
                    .filter(f -> {
                        boolean h = hiddenBelow(dir, f);
                        hidden[0] += h ? 1 : 0;
                        return !h;
                    })
                    .filter(f -> {
                        boolean a = annotationOnly(f);
                        hidden[1] += a ? 1 : 0;
                        return !a;
                    })
                    .map(f -> new Input(f, join(shown, dir.relativize(f))))
                    .sorted(Comparator.comparing(Input::shown))
                    .forEach(out::add);
        }
        return out;
    }

    private static List<Input> glob(String arg, Path base, int[] hidden) throws IOException {
        String norm = arg.replace('\\', '/');
        String[] parts = norm.split("/", -1);
        int fixed = 0;
        while (fixed < parts.length - 1 && !isGlob(parts[fixed])) {
            fixed++;
        }
        // the leading components without wildcards name the directory to search
        String prefix = String.join("/", java.util.Arrays.copyOfRange(parts, 0, fixed));
        if (norm.startsWith("/") && prefix.isEmpty()) {
            prefix = "/";
        }
        String pattern = String.join("/", java.util.Arrays.copyOfRange(parts, fixed, parts.length));
        Path root = prefix.isEmpty() ? base : base.resolve(prefix);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher exact = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        // '**/' may also stand for no directory at all, as in bash's globstar
        PathMatcher collapsed = pattern.contains("**/")
                ? FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("**/", ""))
                : exact;
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : pattern.split("/").length;
        String shownPrefix = prefix;
        List<Input> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, depth)) {
            walk.filter(Files::isRegularFile).forEach(f -> {
                Path rel = root.relativize(f);
                if ((exact.matches(rel) || collapsed.matches(rel)) && hasRecordingExtension(f)) {
                    if (hiddenBelow(root, f)) {
                        hidden[0]++;
                    } else if (annotationOnly(f)) {
                        hidden[1]++;
                    } else {
                        out.add(new Input(f, join(shownPrefix, rel)));
                    }
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(Input::shown));
        return out;
    }

    private static String join(String prefix, Path rel) {
        String r = rel.toString().replace('\\', '/');
        if (prefix.isEmpty()) {
            return r;
        }
        return prefix.endsWith("/") ? prefix + r : prefix + "/" + r;
    }
}
