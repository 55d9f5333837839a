package org.qiluvalley.planner.features;

import java.util.List;

/**
 * Another OGC API building block served beside the features (today the tiles): what it adds to the documents this
 * package writes. The features cannot name such a package (it reads the collections from here, so naming it back
 * would make a cycle); it registers itself as a Spring bean instead, and the landing page, the collections, the
 * conformance declaration and the API definition ({@code /ogc/api}) take in what every extension gives.
 */
public interface OgcApiExtension {

    /** The conformance classes the extension implements, added to {@code /ogc/conformance}. */
    List<String> conformance();

    /** Links of the landing page; {@code ogcBase} is the API's root URL, e.g. {@code https://host/ogc}. */
    List<Link> landingLinks(String ogcBase);

    /** Links of one collection's description; {@code collectionId} is one of the collections served. */
    List<Link> collectionLinks(String ogcBase, String collectionId);

    /**
     * A classpath resource holding the extension's part of the OpenAPI definition: an object with {@code paths} and
     * {@code components} ({@code parameters}, {@code schemas}) that are added to {@code ogc/openapi.json} and may
     * refer to its components; it must redefine none of them.
     */
    String openApiFragment();

    /** A link of an OGC API document (href, relation type, media type, title). */
    record Link(String href, String rel, String type, String title) {
    }
}
