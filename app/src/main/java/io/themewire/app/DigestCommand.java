package io.themewire.app;

import io.themewire.digest.briefing.BriefingFormat;
import io.themewire.digest.briefing.Briefings;
import io.themewire.index.lucene.LuceneArticleReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code themewire digest}: the briefing of one day, from the index in the data folder. */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = {
      "Print the briefing of one day: the day's stories grouped by theme and ranked, each with a"
          + " headline, a 2-4 sentence summary in the sources' own words with the sites after every"
          + " sentence, themes, direction, engagement and links; stories not in the previous"
          + " archived briefing (DATA/briefings/) are marked new.",
      "The same index, archive and date always print the same bytes; a date already archived is"
          + " printed as it was delivered."
    })
final class DigestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The day to brief on, in the --tz zone; or yesterday (for a daily job).")
  String date;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "md",
      description = "md, html (email-safe), json or atom (feed of past briefings); default md.")
  String format;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Time zone whose calendar day is briefed, e.g. Europe/Berlin (default UTC).")
  String tz;

  @Override
  public Integer call() throws IOException {
    ZoneId zone = parseZone(spec, tz);
    LocalDate day =
        date.strip().equals("yesterday") ? LocalDate.now(zone).minusDays(1) : parseDate(spec, date);
    BriefingFormat f;
    try {
      f = BriefingFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
    try (Wiring wiring = common.wiring();
        LuceneArticleReader index = openIndex(wiring.settings().dataDir().resolve("index"))) {
      Briefings briefings = wiring.briefings(index);
      PrintWriter out = spec.commandLine().getOut();
      out.print(briefings.render(day, zone, f));
      out.flush();
    }
    return 0;
  }

  static LuceneArticleReader openIndex(Path dir) {
    try {
      return LuceneArticleReader.open(dir);
    } catch (NoSuchFileException e) {
      throw new UserInputException(
          "no index in " + dir + " (run `themewire demo` or `themewire run` first)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index in " + dir, e);
    }
  }

  static LocalDate parseDate(CommandSpec spec, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(), "--date: '" + shown(value) + "' is not a date like 2026-11-24");
    }
  }

  static ZoneId parseZone(CommandSpec spec, String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--tz: '" + shown(value) + "' is not a time zone like UTC or Europe/Berlin");
    }
  }

  private static String shown(String v) {
    String s = v.replaceAll("\\s+", " ");
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
