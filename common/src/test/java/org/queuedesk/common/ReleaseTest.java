package org.queuedesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The release is the POM's version; an app and a server talk when major and minor agree. */
class ReleaseTest {

    @Test
    void theCurrentReleaseIsThePomsVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        var m = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(m.find()).isTrue();
        assertThat(Release.current()).isEqualTo(m.group(1));
    }

    @Test
    void majorAndMinorMustAgreeAndPatchesMayDiffer() {
        assertThat(Release.compatible("0.1.0-SNAPSHOT", "0.1.3")).isTrue();
        assertThat(Release.compatible("1.2.0", "1.2.9+build5")).isTrue();
        assertThat(Release.compatible("0.1.0", "0.2.0")).isFalse();
        assertThat(Release.compatible("1.4.0", "2.4.0")).isFalse();
    }

    @Test
    void anUnknownVersionIsNotHeldAgainstTheOtherSide() {
        assertThat(Release.compatible("0.1.0", null)).isTrue();
        assertThat(Release.compatible("dev", "3.0.0")).isTrue();
        assertThat(Release.compatible("0.1.0", "nightly")).isTrue();
    }
}
