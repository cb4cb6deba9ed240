/**
 * Google Workspace for agents: OAuth 2.0 authorization of users, Calendar, Drive and Gmail wrappers
 * that return the SDK's own records, retries, rate limits and circuit breakers around every call,
 * push-notification verification, and agent tools.
 */
package dev.workflowengine.google;
