package org.peakoningest.servicesupport;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --<property>=<value>} arguments, passed to Spring Boot as they are: a picocli {@code @Mixin} of a service's
 * command and of each subcommand, so settings may come before or after the command.
 */
public final class SpringArguments {

    @Parameters(
            paramLabel = "--<property>=<value>",
            converter = SpringArgument.class,
            description = "A Spring Boot setting, e.g. --logging.level.root=DEBUG.")
    private List<String> args = new ArrayList<>();

    /** These arguments (given before the command), then {@code more}'s (after it), then the command's own. */
    List<String> then(SpringArguments more, String... own) {
        List<String> all = new ArrayList<>(args);
        all.addAll(more.args);
        all.addAll(List.of(own));
        return all;
    }

    /** A property name has a dot: {@code --full-sync=true} or {@code crawl} is a mistake, not a setting. */
    static final class SpringArgument implements ITypeConverter<String> {
        @Override
        public String convert(String arg) {
            if (!arg.matches("--[^=.]+\\.[^=]+=.*")) {
                throw new TypeConversionException("unknown argument '" + arg + "'");
            }
            return arg;
        }
    }
}
