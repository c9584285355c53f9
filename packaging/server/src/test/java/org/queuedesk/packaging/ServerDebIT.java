package org.queuedesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's Debian package as built by packaging/server/build-deb.sh: its unit passes systemd's own checks,
 * its control data and files are what the README's "Install on a server" promises, and the package's files,
 * extracted to a throwaway root, start a server with its settings file that answers /health.
 */
class ServerDebIT {

    private static final String UNIT = "lib/systemd/system/queuedesk.service";
    private static final String ENV_FILE = "etc/queuedesk/queuedesk.env";

    @TempDir
    static Path root;
    private static Path deb;

    @BeforeAll
    static void extractPackage() throws Exception {
        Path dir = Path.of(System.getProperty("queuedesk.deb.dir", "target"));
        try (Stream<Path> files = Files.list(dir)) {
            deb = files.filter(f -> f.getFileName().toString().matches("queuedesk-server_.*\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no queuedesk-server_*.deb in " + dir
                            + ": packaging/server/build-deb.sh makes it"));
        }
        run("dpkg-deb", "-x", deb.toString(), root.toString()).expectSuccess();
    }

    @Test
    void unitPassesSystemdAnalyzeVerify() throws Exception {
        // verify checks that ExecStart's program exists and is executable: point it at the extracted copy
        Path unit = unitRunningTheExtractedCommand();
        Result verify = run("systemd-analyze", "verify", unit.toString());
        assertThat(verify.exitCode).as(verify.output).isZero();
        assertThat(verify.output).as("systemd-analyze verify has no complaint").isBlank();
    }

    @Test
    void unitHardeningStaysWithinSystemdsOkExposure() throws Exception {
        // exposure 0.0 (best) to 10.0; systemd calls up to 2.0 "OK"; --threshold is ten times the level
        Result security = run("systemd-analyze", "security", "--offline=true", "--threshold=20",
                unitRunningTheExtractedCommand().toString());
        assertThat(security.exitCode).as(security.output).isZero();
    }

    @Test
    void unitRunsAsItsOwnUserWithTheSettingsAndHardeningTheIssueAsksFor() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(UNIT));
        // what a clinic's IT person relies on: its own user, its data and settings paths, restarts, hardening
        assertThat(lines).contains("User=queuedesk", "EnvironmentFile=/etc/queuedesk/queuedesk.env",
                "Environment=QUEUEDESK_DATA_DIR=/var/lib/queuedesk", "ReadWritePaths=/var/lib/queuedesk",
                "Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes",
                "ProtectHome=yes", "CapabilityBoundingSet=", "WantedBy=multi-user.target");
    }

    @Test
    void controlFieldsDeclareAPackageThatNeedsNoJavaFromApt() throws Exception {
        assertThat(field("Package")).isEqualTo("queuedesk-server");
        assertThat(field("Architecture")).isEqualTo(run("dpkg", "--print-architecture").expectSuccess().trim());
        assertThat(field("Version")).matches("[0-9][0-9.]*(~SNAPSHOT)?");
        // installs offline on a fresh Debian 12: only packages of its base system, no JRE (it brings its own)
        assertThat(field("Depends").split(",\\s*")).containsOnly("libc6", "zlib1g", "adduser",
                "init-system-helpers");
        Path control = Files.createTempDirectory(root.getParent(), "control");
        run("dpkg-deb", "-e", deb.toString(), control.toString()).expectSuccess();
        assertThat(Files.readAllLines(control.resolve("conffiles"))).containsExactly("/etc/queuedesk/queuedesk.env");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(Files.isExecutable(control.resolve(script))).as(script).isTrue();
            Result syntax = run("sh", "-n", control.resolve(script).toString());
            assertThat(syntax.exitCode).as(script + ": " + syntax.output).isZero();
        }
        assertThat(Files.readString(control.resolve("postinst")))
                .as("postinst creates the service's own system user")
                .contains("adduser --system --group").contains("queuedesk");
    }

    @Test
    void fileListHoldsWhatTheReadmePromises() throws Exception {
        String listing = run("dpkg-deb", "-c", deb.toString()).expectSuccess();
        List<String> paths = listing.lines().map(line -> line.substring(line.indexOf("./")).replaceAll(" -> .*", ""))
                .toList();
        for (String expected : resourceLines("/deb-files.txt")) {
            assertThat(paths).as(expected).contains(expected.split("\t")[0]);
        }
        assertThat(listing.lines().filter(line -> line.endsWith("./usr/bin/queuedesk-server"))).singleElement()
                .asString().startsWith("-rwxr-xr-x root/root");
    }

    @Test
    void settingsFileNamesEveryFlagOfTheReadmesConfigurationTable() throws IOException {
        Path readme = Path.of(System.getProperty("queuedesk.repository", "../..")).resolve("README.md");
        String table = Files.readString(readme).split("\n## Configuration\n", 2)[1].split("\n## ", 2)[0];
        List<String> flags = new ArrayList<>();
        Matcher flag = Pattern.compile("`--([a-z][a-z-]*)`").matcher("");
        for (String row : table.lines().filter(line -> line.startsWith("| `--")).toList()) {
            if (row.split("\\|")[2].isBlank()) {
                continue; // a one-off command with no variable (--restore), not a setting of the service
            }
            flag.reset(row.split("\\|")[1]);
            while (flag.find()) {
                flags.add(flag.group(1));
            }
        }
        assertThat(flags).as("flags read from the README").hasSizeGreaterThan(15).contains("port", "sms");
        String settings = Files.readString(root.resolve(ENV_FILE));
        for (String name : flags) {
            String variable = "QUEUEDESK_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            assertThat(settings).as("--" + name).containsPattern("(?m)^#?" + variable + "=");
        }
    }

    @Test
    void extractedPackageStartsWithItsSettingsFileAndAnswersHealth(@TempDir Path data) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(environmentFile(root.resolve(ENV_FILE)));
        assertThat(env).containsEntry("QUEUEDESK_DATA_DIR", "/var/lib/queuedesk").containsEntry("QUEUEDESK_PORT", "7070");
        // as the unit runs it, but on a free loopback port and a data folder of this test
        env.put("QUEUEDESK_DATA_DIR", data.toString());
        env.put("QUEUEDESK_PORT", "0");
        env.put("QUEUEDESK_HOST", "127.0.0.1");
        List<String> command = new ArrayList<>(List.of(root.resolve("usr/bin/queuedesk-server").toString()));
        command.addAll(Arrays.stream(env.getOrDefault("QUEUEDESK_OPTS", "").split("\\s+")).filter(s -> !s.isEmpty())
                .toList());
        var builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("QUEUEDESK_") || name.equals("JAVA_OPTS"));
        builder.environment().putAll(env);
        try (var server = RunningProcess.start(builder)) {
            String port = server.awaitLine(Pattern.compile("listening on http://[^:]+:(\\d+)"), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("no 'listening on' line:\n" + server.output()));
            assertThat(server.process().info().command()).as("runs the package's own Java runtime")
                    .hasValueSatisfying(java -> assertThat(java).startsWith(root.toString()));
            var health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(data.resolve("queuedesk.db")).exists();

            server.process().destroy();  // SIGTERM, as systemctl stop sends
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).as(server.output()).isTrue();
            // the unit's SuccessExitStatus=143: a stop is not a failure, so Restart=on-failure leaves it stopped
            assertThat(server.process().exitValue()).isEqualTo(143);
        }
    }

    /** Parsed as systemd reads an EnvironmentFile: NAME=value lines, # or ; comments, blank lines. */
    static Map<String, String> environmentFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            assertThat(eq).as("a NAME=value line: " + line).isPositive();
            env.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
        }
        return env;
    }

    private static Path unitRunningTheExtractedCommand() throws IOException {
        String unit = Files.readString(root.resolve(UNIT));
        assertThat(unit).contains("\nExecStart=/usr/bin/queuedesk-server ");
        Path dir = Files.createTempDirectory(root.getParent(), "unit");
        Path copy = dir.resolve("queuedesk.service");
        Files.writeString(copy, unit.replace("\nExecStart=/usr/bin/", "\nExecStart=" + root + "/usr/bin/"));
        return copy;
    }

    private static String field(String name) throws Exception {
        return run("dpkg-deb", "-f", deb.toString(), name).expectSuccess().trim();
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (var in = ServerDebIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    record Result(int exitCode, String output) {
        String expectSuccess() {
            assertThat(exitCode).as(output).isZero();
            return output;
        }
    }

    static Result run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
