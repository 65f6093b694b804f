package io.clonus.cli;

/** Entry point of the {@code clonus} command-line tool. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
