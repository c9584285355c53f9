package org.queuedesk.server.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A report's rows as CSV (RFC 4180): a header of the JSON rows' field names, CRLF after every line, a field
 * quoted when it holds a comma, a quote or a line break (its quotes doubled), an empty field for null. UTF-8
 * with a byte order mark: without it Excel reads the file in the machine's legacy code page and shows
 * "AnÃ¡lisis" for "Análisis" and question marks for Arabic.
 */
final class ReportCsv {

    static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";
    private static final String BOM = "\uFEFF";

    private ReportCsv() {
    }

    static <R extends Record> byte[] write(Class<R> type, List<R> rows) {
        RecordComponent[] columns = type.getRecordComponents();
        var out = new StringBuilder(BOM);
        for (int i = 0; i < columns.length; i++) {
            out.append(i == 0 ? "" : ",").append(columns[i].getName());
        }
        out.append("\r\n");
        for (R row : rows) {
            for (int i = 0; i < columns.length; i++) {
                out.append(i == 0 ? "" : ",").append(field(value(columns[i], row)));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Object value(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + column.getName(), e);
        }
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
