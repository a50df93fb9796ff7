/**
 * Category rules: which sources feed a category and which stories it keeps (keywords, age).
 * Plain synchronous Java; the render pool calls it.
 */
package vn.bantin.curate;
