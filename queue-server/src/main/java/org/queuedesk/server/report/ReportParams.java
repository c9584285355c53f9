package org.queuedesk.server.report;

/** A report's query parameters as sent ({@code ?from=&to=&by=}), before {@link ReportQueryValidator} reads them. */
record ReportParams(String from, String to, String by) {
}
