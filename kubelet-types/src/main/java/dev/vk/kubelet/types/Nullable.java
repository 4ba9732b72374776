package dev.vk.kubelet.types;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated parameter, field or return value may be null. This module depends on the JDK only,
 * so it carries its own annotation; NullAway (provider/spi's build) honours any annotation named
 * {@code Nullable}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Nullable {}
