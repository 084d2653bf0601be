package org.peakoningest.fetcher.crawl;

/** A crawl cannot go on (e.g. a pagination loop); the message is credential-free. */
class CrawlException extends RuntimeException {
    CrawlException(String message) {
        super(message);
    }
}
