package org.queuedesk.server.ground;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that other features may use: a feature's door to the rest of the module. Everything
 * else in a feature package is its own business; the architecture test fails when one feature reaches
 * into another past its ports (see docs/adr/0008-package-layout.md).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Port {
}
