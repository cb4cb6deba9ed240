/**
 * Google Drive for one user: {@link dev.workflowengine.google.drive.GoogleDrive} lists files
 * ({@link dev.workflowengine.google.drive.FileQuery}), uploads ({@link
 * dev.workflowengine.google.drive.Upload}: simple or resumable), downloads and exports as streams,
 * and returns {@link dev.workflowengine.google.drive.DriveFile} records; {@link
 * dev.workflowengine.google.drive.DriveTools} gives agents the tools {@code
 * google.drive.list_files}, {@code google.drive.upload_file} and {@code
 * google.drive.download_file}.
 */
package dev.workflowengine.google.drive;
