package dev.workflowengine.core.patterns;

import dev.workflowengine.api.DocumentException;
import dev.workflowengine.api.DocumentException.Problem;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF, page by page, with a blank line between pages. */
final class PdfText {

  private PdfText() {}

  static String extract(byte[] bytes, String source) {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      stripper.setPageEnd("\n\n"); // a page break is as good a chunk boundary as a paragraph
      return stripper.getText(document);
    } catch (InvalidPasswordException e) {
      throw new DocumentException(
          source,
          Problem.ENCRYPTED,
          source + " is a password-protected PDF; give an unprotected copy",
          e);
    } catch (IOException e) {
      throw new DocumentException(
          source,
          Problem.MALFORMED,
          source + " is not a readable PDF (" + e.getMessage() + "); check that the file is whole",
          e);
    }
  }
}
