package org.peakoningest.writer.replay;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** A bean of the {@code replay} command only ({@code peakon.writer.command=replay}, set by the command line). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "peakon.writer.command", havingValue = "replay")
@interface ReplayCommand {}
