package dev.workflowengine.core.patterns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made in the test with PDFBox: one line of text per given line, so many lines a page. */
final class TestPdfs {

  private TestPdfs() {}

  static byte[] lines(List<String> lines, int linesPerPage) throws IOException {
    try (PDDocument document = new PDDocument()) {
      write(document, lines, linesPerPage);
      return bytes(document);
    }
  }

  static byte[] encrypted(List<String> lines) throws IOException {
    try (PDDocument document = new PDDocument()) {
      write(document, lines, 40);
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return bytes(document);
    }
  }

  private static void write(PDDocument document, List<String> lines, int linesPerPage)
      throws IOException {
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    for (int first = 0; first < lines.size(); first += linesPerPage) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(font, 9);
        content.setLeading(14);
        content.newLineAtOffset(40, 750);
        for (String line : lines.subList(first, Math.min(first + linesPerPage, lines.size()))) {
          content.showText(line);
          content.newLine();
        }
        content.endText();
      }
    }
  }

  private static byte[] bytes(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
