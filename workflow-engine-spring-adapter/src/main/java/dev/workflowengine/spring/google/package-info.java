/**
 * Spring Boot auto-configuration of Google Workspace: with {@code workflow-engine-google} on the
 * class path and a client id set, users authorize the application with their Google accounts, and
 * workflows call Calendar, Drive and Gmail as the user each run belongs to.
 *
 * <pre>
 * workflow-engine.google.client-id=${GOOGLE_CLIENT_ID}
 * workflow-engine.google.client-secret=${GOOGLE_CLIENT_SECRET}
 * workflow-engine.google.redirect-uri=https://app.example.com/oauth/google/callback
 * </pre>
 *
 * <p>See {@link dev.workflowengine.spring.google.GoogleAutoConfiguration} for the beans and {@link
 * dev.workflowengine.spring.google.GoogleProperties} for every property. A property with a wrong
 * value fails start-up with a message naming it, never quoting a secret.
 */
package dev.workflowengine.spring.google;
