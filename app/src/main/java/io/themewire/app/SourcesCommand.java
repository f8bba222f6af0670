package io.themewire.app;

import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.ingest.schedule.SourceHealth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code themewire sources}: the health of every polled source, as a table. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description =
        "Print how each source of `themewire run` is doing (last success, last error, items,"
            + " failures in a row, next poll; times in UTC), from DATA/sources.json.")
final class SourcesCommand implements Callable<Integer> {

  /** The widest the source column gets; longer locations keep their end. */
  static final int MAX_SOURCE_WIDTH = 60;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "The data folder `themewire run` used (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() {
    Path file = dataDir.resolve(RunCommand.STATE_FILE);
    if (!Files.exists(file)) {
      throw new UserInputException(
          "no source health at " + file + " (run `themewire run --config FILE` first)");
    }
    List<SourceHealth> health;
    try {
      health = PollSchedule.readHealth(file);
    } catch (IOException e) {
      throw new UserInputException(Main.firstLine(e.getMessage()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(table(health));
    out.flush();
    return 0;
  }

  /** A fixed-width table, one row per source, with a header; columns sized to their content. */
  static String table(List<SourceHealth> health) {
    if (health.isEmpty()) {
      return "no sources\n";
    }
    int sourceWidth = "SOURCE".length();
    int errorWidth = "LAST ERROR".length();
    for (SourceHealth h : health) {
      sourceWidth = Math.max(sourceWidth, Math.min(MAX_SOURCE_WIDTH, h.location().length()));
      errorWidth = Math.max(errorWidth, lastError(h).length());
    }
    String row = "%-" + sourceWidth + "s  %-17s  %-" + errorWidth + "s  %7s  %5s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(row, "SOURCE", "LAST SUCCESS", "LAST ERROR", "ITEMS", "FAILS", "NEXT POLL"));
    for (SourceHealth h : health) {
      out.append(
          String.format(
              row,
              fit(h.location(), sourceWidth),
              h.lastSuccess() == null ? "never" : time(h.lastSuccess()),
              lastError(h),
              h.itemsSeen(),
              h.consecutiveFailures(),
              time(h.nextPoll())));
    }
    return out.toString();
  }

  private static String lastError(SourceHealth h) {
    return h.lastError() == null ? "-" : h.lastError().reason();
  }

  private static String time(Instant t) {
    return TIME.format(t);
  }

  /** The text, or its end behind "..." when it is wider than {@code width}. */
  private static String fit(String text, int width) {
    return text.length() <= width ? text : "..." + text.substring(text.length() - (width - 3));
  }
}
