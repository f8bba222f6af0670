package io.themewire.digest.briefing;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes past briefings as an Atom feed (RFC 4287), one entry per briefing with its HTML as escaped
 * {@code type="html"} content. Times come from the data, never from the clock: an entry is updated
 * at the end of the day it covers, the feed at its newest entry. Deterministic.
 */
public final class AtomRenderer {

  static final String ATOM_NS = "http://www.w3.org/2005/Atom";

  private AtomRenderer() {}

  /**
   * The feed of {@code briefings}, which are written in the order given (newest first, as {@link
   * BriefingArchive#recent} gives them).
   *
   * @throws IllegalArgumentException when {@code briefings} is empty
   */
  public static String render(List<Briefing> briefings) {
    if (briefings.isEmpty()) {
      throw new IllegalArgumentException("a feed needs at least one briefing");
    }
    StringWriter out = new StringWriter(16384);
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("utf-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(ATOM_NS);
      Briefing newest = briefings.get(0);
      element(x, 1, "id", "urn:themewire:briefings:" + newest.zone());
      element(x, 1, "title", "Themewire briefings (" + newest.zone() + ")");
      element(x, 1, "updated", updated(newest));
      indent(x, 1);
      x.writeStartElement("author");
      element(x, 2, "name", "Themewire");
      indent(x, 1);
      x.writeEndElement();
      element(x, 1, "generator", "Themewire");
      for (Briefing b : briefings) {
        entry(x, b);
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the briefing feed", e);
    }
    return out + "\n";
  }

  private static void entry(XMLStreamWriter x, Briefing b) throws XMLStreamException {
    indent(x, 1);
    x.writeStartElement("entry");
    element(x, 2, "id", "urn:themewire:briefing:" + b.date() + ":" + b.zone());
    element(x, 2, "title", HtmlRenderer.title(b));
    element(x, 2, "updated", updated(b));
    List<BriefingStory> stories = b.stories();
    element(
        x,
        2,
        "summary",
        stories.isEmpty()
            ? "No stories on this day."
            : stories.size()
                + (stories.size() == 1 ? " story: " : " stories: ")
                + stories.stream().map(BriefingStory::headline).collect(Collectors.joining("; ")));
    indent(x, 2);
    x.writeStartElement("content");
    x.writeAttribute("type", "html");
    x.writeCharacters(xmlSafe(HtmlRenderer.fragment(b)));
    x.writeEndElement();
    indent(x, 1);
    x.writeEndElement();
  }

  /** The end of the briefing's day, the moment its content is final, as an RFC 3339 UTC time. */
  static String updated(Briefing b) {
    Instant end = b.date().plusDays(1).atStartOfDay(ZoneId.of(b.zone())).toInstant();
    return DateTimeFormatter.ISO_INSTANT.format(end);
  }

  private static void element(XMLStreamWriter x, int depth, String name, String text)
      throws XMLStreamException {
    indent(x, depth);
    x.writeStartElement(name);
    x.writeCharacters(xmlSafe(text));
    x.writeEndElement();
  }

  private static void indent(XMLStreamWriter x, int depth) throws XMLStreamException {
    x.writeCharacters("\n" + "  ".repeat(depth));
  }

  /** Drops characters XML 1.0 cannot carry at all (most C0 controls). */
  static String xmlSafe(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
