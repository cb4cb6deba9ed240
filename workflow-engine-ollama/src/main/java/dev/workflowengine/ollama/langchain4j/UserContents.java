package dev.workflowengine.ollama.langchain4j;

import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.workflowengine.ollama.ChatMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a LangChain4j user message to Ollama's: its texts joined by newlines (Ollama has one {@code
 * content}) and its images as base64, which is all Ollama accepts.
 *
 * <p>Images given by {@code file:} URL are read; {@code http(s):} URLs are refused rather than
 * downloaded (langchain4j-ollama downloads them): a library fetching URLs found in chat input is a
 * server-side request forgery waiting to happen, so the caller fetches and passes the bytes.
 */
final class UserContents {

  private UserContents() {}

  static ChatMessage toOllama(UserMessage user) {
    List<String> texts = new ArrayList<>();
    ChatMessage.Builder builder = ChatMessage.builder(ChatMessage.Role.USER);
    for (Content content : user.contents()) {
      if (content instanceof TextContent text) {
        texts.add(text.text());
      } else if (content instanceof ImageContent image) {
        builder.imageBase64(base64(image.image()));
      } else {
        throw new UnsupportedFeatureException(
            "Ollama supports text and images in user messages, not " + content.type());
      }
    }
    return builder.content(String.join("\n", texts)).build();
  }

  private static String base64(Image image) {
    if (image.base64Data() != null && !image.base64Data().isEmpty()) {
      return image.base64Data();
    }
    URI url = image.url();
    if (url != null && "file".equalsIgnoreCase(url.getScheme())) {
      try {
        return java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(url)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read image " + url, e);
      }
    }
    throw new UnsupportedFeatureException(
        "Ollama needs images as data, not as the URL "
            + url
            + ": fetch the image and pass it with ImageContent.from(base64, mimeType)");
  }
}
