package org.queuedesk.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.server.ground.ApiProblem;

/**
 * A validator's expected answers, kept as a table in test resources ({@code validation/*.psv}) written from
 * the API's rules, not from the validator. Columns separated by {@code |}: the request's JSON fields, then
 * {@code status} ({@code ok} or the HTTP status), {@code field} (the {@code errors} key, empty for a problem
 * without one) and {@code message} (a fragment of the detail). A field cell holds a JSON value; empty means
 * the field is left out; {@code repeat(x,N)}, alone or inside a value, is a JSON string of N times x. Lines starting with # are comments.
 */
public final class ValidationTable<T> {

    private static final ObjectMapper JSON = JsonMapperFactory.create();
    private static final Pattern REPEAT = Pattern.compile("repeat\\(([^,()]+),(\\d+)\\)");
    private final String resource;
    private final Class<T> type;

    private ValidationTable(String resource, Class<T> type) {
        this.resource = resource;
        this.type = type;
    }

    public static <T> ValidationTable<T> of(String resource, Class<T> type) {
        return new ValidationTable<>(resource, type);
    }

    /** One test per row: the request built from the row passes, or fails with the row's problem. */
    public Stream<DynamicTest> check(Consumer<T> validator) {
        var lines = lines();
        String[] header = cells(lines.get(0));
        int status = List.of(header).indexOf("status");
        if (status < 0 || header.length != status + 3 || !header[status + 1].equals("field")
                || !header[status + 2].equals("message")) {
            throw new IllegalStateException(resource + ": the last columns must be status | field | message");
        }
        return lines.subList(1, lines.size()).stream().map(line -> {
            String[] row = cells(line);
            if (row.length != header.length) {
                throw new IllegalStateException(resource + ": " + row.length + " cells, not " + header.length + ": " + line);
            }
            T request = request(header, row, status);
            return DynamicTest.dynamicTest(line, () -> expect(validator, request, row[status], row[status + 1],
                    row[status + 2]));
        });
    }

    private static <T> void expect(Consumer<T> validator, T request, String status, String field, String message) {
        if (status.equals("ok")) {
            assertThatCode(() -> validator.accept(request)).as("valid request").doesNotThrowAnyException();
            return;
        }
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> validator.accept(request));
        assertThat(problem).as("refused with a problem").isNotNull();
        assertThat(problem.status()).as("status").isEqualTo(Integer.parseInt(status));
        assertThat(problem.getMessage()).as("detail").contains(message);
        if (field.isEmpty()) {
            assertThat(problem.errors()).as("errors").isNull();
        } else {
            assertThat(problem.errors()).as("errors").containsOnlyKeys(field);
            assertThat(problem.errors().get(field)).as("errors." + field).contains(message);
            assertThat(problem.getMessage()).as("detail").isEqualTo(field + ": " + problem.errors().get(field));
        }
    }

    private T request(String[] header, String[] row, int status) {
        ObjectNode body = JSON.createObjectNode();
        for (int i = 0; i < status; i++) {
            if (!row[i].isEmpty()) {
                body.set(header[i], value(row[i]));
            }
        }
        try {
            return JSON.treeToValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot read " + body, e);
        }
    }

    private JsonNode value(String cell) {
        Matcher repeat = REPEAT.matcher(cell);
        var json = new StringBuilder();
        while (repeat.find()) {
            String text = JSON.getNodeFactory().textNode(repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))).toString();
            repeat.appendReplacement(json, Matcher.quoteReplacement(text));
        }
        repeat.appendTail(json);
        try {
            return JSON.readTree(json.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": not a JSON value: " + cell, e);
        }
    }

    private List<String> lines() {
        var in = Objects.requireNonNull(ValidationTable.class.getResourceAsStream("/" + resource), resource);
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            var lines = new ArrayList<String>();
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(lines::add);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] cells(String line) {
        return Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
    }
}
