package org.qiluvalley.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link in the README and the docs points at a file that exists: ARCHITECTURE.md links to the classes
 * it describes, and a class moved or renamed without its doc would otherwise leave a dead link.
 */
class DocsLinksTest {

    /** A Markdown link or image target: {@code ](target)} or {@code ](target "title")}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("gis-data/README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        List<String> dead = new ArrayList<>();
        int checked = 0;
        for (Path document : documents) {
            Matcher link = LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http:") || target.startsWith("https:") || target.startsWith("#")
                        || target.startsWith("mailto:")) {
                    continue;
                }
                int fragment = target.indexOf('#');
                Path file = document.toAbsolutePath().getParent().resolve(fragment < 0 ? target
                        : target.substring(0, fragment)).normalize();
                checked++;
                if (!Files.exists(file)) {
                    dead.add(document + " -> " + target);
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(50);
        assertThat(dead).as("links to files that do not exist").isEmpty();
    }
}
