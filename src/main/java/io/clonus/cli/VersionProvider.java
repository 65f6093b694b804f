package io.clonus.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Implementation-Version of the jar's manifest, and the Java runtime. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"clonus " + version(), "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")"};
    }

    /** @return the version from the jar manifest, or a note that there is none (run from classes) */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "(development build: no jar manifest)" : v;
    }
}
