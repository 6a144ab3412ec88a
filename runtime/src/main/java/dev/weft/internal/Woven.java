package dev.weft.internal;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.annotation.ElementType;

/** Marks a class the weaver has already processed, so that weaving it again passes it over. ABI for woven code. */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Woven {
}
