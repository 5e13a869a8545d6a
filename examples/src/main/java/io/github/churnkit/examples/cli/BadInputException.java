package io.github.churnkit.examples.cli;

/**
 * Bad input found by the command line itself (a missing file, an empty file, an unknown column);
 * the program exits with code 2 and prints the message.
 */
final class BadInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
