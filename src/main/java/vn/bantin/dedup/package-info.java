/**
 * Story identity: when two entries are the same story. {@link vn.bantin.dedup.StoryIdentity}
 * states the rule; {@link vn.bantin.dedup.CanonicalLink}, {@link vn.bantin.dedup.TitleKey} and
 * {@link vn.bantin.dedup.StoryIds} compute the keys and ids it uses, and {@link
 * vn.bantin.dedup.Fingerprint} the near-duplicate signature of a story's text. Plain synchronous
 * Java with no I/O and no Vert.x: any thread may call it, typically a parse-pool or store worker.
 */
package vn.bantin.dedup;
