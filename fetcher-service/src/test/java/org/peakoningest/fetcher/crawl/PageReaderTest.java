package org.peakoningest.fetcher.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PageReaderTest {

    @Test
    void readsItemsAndLinksWhereverTheyAre() {
        String body = "{\"meta\":{\"page\":1,\"pages\":2},\"data\":[{\"id\":\"1\"},{\"id\":\"2\",\"attributes\":"
                + "{\"nested\":[1,2,{\"x\":null}]}}],\"included\":[{\"id\":\"z\"}],\"links\":{\"next\":\"/a?c=1\"}}";
        List<JsonNode> items = new ArrayList<>();
        PageReader.Page page = PageReader.read(stream(body), item -> items.add(item.tree()));
        assertThat(items).extracting(i -> i.path("id").asString()).containsExactly("1", "2");
        assertThat(items.get(1).at("/attributes/nested/2").has("x")).isTrue();
        assertThat(page.items()).isEqualTo(2);
        assertThat(page.next()).isEqualTo("/a?c=1");
        assertThat(page.meta().path("pages").asInt()).isEqualTo(2);
    }

    @Test
    void includedIsKeptOnlyWhenAskedFor() {
        String body = "{\"data\":[{\"id\":\"17\"}],\"included\":[{\"type\":\"attributes\",\"id\":\"3\"}]}";
        assertThat(PageReader.read(stream(body), i -> {}).included().isMissingNode())
                .isTrue();
        PageReader.Page page = PageReader.read(stream(body), i -> {}, true);
        assertThat(page.included().path(0).path("id").asString()).isEqualTo("3");
        assertThat(page.items()).isEqualTo(1);
    }

    @Test
    void nullOrMissingNextEndsThePagination() {
        assertThat(PageReader.read(stream("{\"data\":[],\"links\":{\"next\":null}}"), i -> {})
                        .next())
                .isNull();
        assertThat(PageReader.read(stream("{\"data\":[]}"), i -> {}).next()).isNull();
    }

    @Test
    void itemsAreHandedOnWhileTheBodyIsStillArriving() {
        // The body breaks after the first item: that item must already have been handed on, which proves the
        // page is streamed item by item rather than parsed as a whole.
        InputStream first = stream("{\"data\":[{\"id\":\"1\"},");
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        List<JsonNode> items = new ArrayList<>();
        assertThatThrownBy(
                        () -> PageReader.read(new SequenceInputStream(first, broken), item -> items.add(item.tree())))
                .hasMessageContaining("connection reset");
        assertThat(items).hasSize(1);
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
