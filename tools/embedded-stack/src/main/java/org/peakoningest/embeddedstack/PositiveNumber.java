package org.peakoningest.embeddedstack;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A command-line count: a positive whole number, written {@code 200000}, {@code 200_000} or {@code 200,000}. */
public final class PositiveNumber implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            int parsed = Integer.parseInt(value.trim().replace("_", "").replace(",", ""));
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like zero or a negative number
        }
        throw new TypeConversionException("must be a positive number, got '" + value + "'");
    }
}
