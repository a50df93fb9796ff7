package vn.bantin.publish;

/**
 * One category as the OPML list shows it.
 *
 * @param id the category id, e.g. {@code xay-dung-dang}
 * @param title e.g. {@code Xây dựng Đảng}
 * @param description may be empty or {@code null}
 */
public record OpmlCategory(String id, String title, String description) {}
