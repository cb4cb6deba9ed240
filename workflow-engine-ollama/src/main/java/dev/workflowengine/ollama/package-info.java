/** A complete client for the Ollama REST API. */
package dev.workflowengine.ollama;
