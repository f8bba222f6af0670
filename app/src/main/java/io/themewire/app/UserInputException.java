package io.themewire.app;

/**
 * Bad input from the user — a missing file, an unreadable source, a malformed line. The command
 * line prints its message on one line and exits with status 2.
 */
final class UserInputException extends RuntimeException {
  UserInputException(String message) {
    super(message);
  }
}
