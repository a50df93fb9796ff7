/**
 * Category feeds as readers receive them: RSS 2.0, Atom 1.0 and JSON Feed 1.1 renderers, the
 * embeddable HTML list, the OPML 2.0 category list, and {@link vn.bantin.publish.Rendering} (bytes,
 * gzip twin, content-derived ETag). Every story carries the id {@code urn:bantin:story:{Story.id}}
 * in all three feed formats, so a reader switching formats keeps its read state. Everything here
 * is pure and thread-safe; it runs on the render pool, never on an event loop.
 */
package vn.bantin.publish;
