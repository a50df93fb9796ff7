// bantin admin page. Plain JavaScript, no build step, no outside assets.
// Safety rule for this file: every piece of data from the server reaches the page through
// textContent, setAttribute or a form field value, never through innerHTML, so a hostile source
// title or error message stays text.
'use strict';

(() => {
  const TOKEN_KEY = 'bantin.admin.token';
  const LANG_KEY = 'bantin.admin.lang';
  const AUTO_RELOAD_MS = 20000;

  // ---------------------------------------------------------------------------------------------
  // Words. Vietnamese first; English behind the switch. {0}, {1} ... are filled by t().
  const I18N = {
    vi: {
      skip: 'Bỏ qua tới nội dung',
      appTitle: 'Quản trị',
      pageTitle: 'bantin – Quản trị',
      logout: 'Đăng xuất',
      switchTo: 'English',
      loginTitle: 'Đăng nhập',
      loginHelp: 'Nhập mã quản trị (admin token) một lần; trình duyệt nhớ nó cho tới khi đóng phiên.',
      tokenLabel: 'Mã quản trị',
      loginButton: 'Vào',
      tokenEmpty: 'Hãy nhập mã quản trị.',
      tokenBad: 'Mã quản trị không đúng hoặc đã thay đổi. Hãy nhập lại.',
      tabSources: 'Nguồn tin',
      tabCategories: 'Chuyên mục',
      tabConfig: 'Cấu hình',
      sourcesTitle: 'Nguồn tin',
      categoriesTitle: 'Chuyên mục',
      configTitle: 'Cấu hình',
      addSource: 'Thêm nguồn',
      addCategory: 'Thêm chuyên mục',
      refreshAll: 'Làm mới tất cả',
      reload: 'Tải lại',
      save: 'Lưu',
      cancel: 'Hủy',
      close: 'Đóng',
      fId: 'Mã (id)',
      idHint: 'chữ thường, số và dấu gạch ngang',
      fTitle: 'Tiêu đề',
      fUrl: 'Địa chỉ RSS/Atom (URL)',
      fTags: 'Nhãn (tags)',
      commaHint: 'cách nhau bằng dấu phẩy',
      fInterval: 'Chu kỳ lấy tin',
      durationHint: 'ví dụ 90s, 15m, 2h; để trống = mặc định',
      fEnabled: 'Đang bật',
      fDescription: 'Mô tả',
      fSources: 'Nguồn',
      fCatTags: 'Nhãn của nguồn',
      fInclude: 'Chỉ giữ tin có từ khóa',
      fExclude: 'Bỏ tin có từ khóa',
      fMaxAge: 'Tuổi tối đa của tin',
      maxAgeHint: 'ví dụ 7d; để trống = không giới hạn',
      fLimit: 'Số tin tối đa',
      cId: 'Mã',
      cTitle: 'Tiêu đề',
      cUrl: 'URL',
      cEnabled: 'Trạng thái',
      cLastFetch: 'Lần lấy cuối',
      cLastStatus: 'Mã HTTP',
      cLastError: 'Lỗi gần nhất',
      cEntries: 'Số tin',
      cNextPoll: 'Lần lấy tới',
      cActions: 'Thao tác',
      cRules: 'Quy tắc',
      cUpdated: 'Cập nhật',
      cVersion: 'Phiên bản',
      cSavedAt: 'Lưu lúc',
      cSummary: 'Thay đổi',
      historyTitle: 'Các phiên bản đã lưu (mới nhất trước)',
      on: 'Bật',
      off: 'Tắt',
      edit: 'Sửa',
      disable: 'Tắt',
      enable: 'Bật',
      remove: 'Xóa',
      refresh: 'Làm mới',
      preview: 'Xem trước',
      rollback: 'Quay về',
      current: 'đang dùng',
      never: 'chưa lấy',
      none: '—',
      failures: '{0} lần lỗi liên tiếp',
      noSources: 'Chưa có nguồn nào.',
      noCategories: 'Chưa có chuyên mục nào.',
      noHistory: 'Chưa có phiên bản nào được lưu.',
      loading: 'Đang tải…',
      newSourceTitle: 'Thêm nguồn mới',
      editSourceTitle: 'Sửa nguồn {0}',
      newCategoryTitle: 'Thêm chuyên mục mới',
      editCategoryTitle: 'Sửa chuyên mục {0}',
      saved: 'Đã lưu {0}.',
      removed: 'Đã xóa {0}.',
      toggledOn: 'Đã bật {0}.',
      toggledOff: 'Đã tắt {0}.',
      confirmRemoveSource: 'Xóa nguồn “{0}”? Nguồn sẽ bị gỡ khỏi feeds.yml.',
      confirmRemoveCategory: 'Xóa chuyên mục “{0}”?',
      confirmRollback: 'Quay cấu hình về phiên bản {0}?',
      exists: 'Mã này đã có.',
      notFound: 'Không tìm thấy {0}; có thể ai đó vừa xóa nó.',
      refreshing: 'Đang làm mới {0}…',
      refreshAllName: 'tất cả nguồn',
      refreshSummary: 'Làm mới {0}: {1} nguồn, lấy về {2}, không đổi {3}, tin mới {4}, trùng {5}, lỗi {6}.',
      tooMany: 'Quá nhiều lần thử sai. Hãy thử lại sau {0} giây.',
      tooManyNoWait: 'Quá nhiều lần thử sai. Hãy thử lại sau ít phút.',
      network: 'Không kết nối được máy chủ: {0}',
      serverError: 'Máy chủ trả lời {0}: {1}',
      rulesSources: 'nguồn: {0}',
      rulesTags: 'nhãn: {0}',
      rulesInclude: 'giữ: {0}',
      rulesExclude: 'bỏ: {0}',
      rulesMaxAge: 'tối đa {0}',
      rulesLimit: '{0} tin',
      allCategory: 'mọi nguồn đang bật',
      previewTitle: 'Xem trước: {0}',
      configStatus: 'Cấu hình đang dùng: phiên bản {0}, lưu lúc {1}.',
      configStatusUnknown: 'Cấu hình đang dùng: không rõ phiên bản.',
      fileProblems: 'feeds.yml trên đĩa có lỗi nên chưa được áp dụng; cấu hình cũ vẫn chạy:',
      configCurrent: 'Phiên bản đang dùng: {0} (ETag {1}).',
      rolledBack: 'Đã quay về phiên bản {0}.',
      stale: 'Cấu hình vừa được người khác thay đổi; trang đã tải lại. Hãy thử lại.',
      staleItem: 'Mục này vừa được người khác sửa. Hãy hủy, mở lại và sửa tiếp.',
      invalid: 'Cấu hình không hợp lệ:',
      line: 'dòng {0}',
      yamlTitle: 'Sửa trực tiếp feeds.yml',
      yamlLabel: 'Nội dung feeds.yml',
      yamlSave: 'Lưu feeds.yml',
      yamlSaved: 'Đã lưu feeds.yml.',
      yamlUnchanged: 'Không có gì thay đổi.',
    },
    en: {
      skip: 'Skip to content',
      appTitle: 'Admin',
      pageTitle: 'bantin – Admin',
      logout: 'Log out',
      switchTo: 'Tiếng Việt',
      loginTitle: 'Sign in',
      loginHelp: 'Type the admin token once; the browser keeps it until this session ends.',
      tokenLabel: 'Admin token',
      loginButton: 'Sign in',
      tokenEmpty: 'Please type the admin token.',
      tokenBad: 'The admin token is wrong or has changed. Please type it again.',
      tabSources: 'Sources',
      tabCategories: 'Categories',
      tabConfig: 'Configuration',
      sourcesTitle: 'Sources',
      categoriesTitle: 'Categories',
      configTitle: 'Configuration',
      addSource: 'Add source',
      addCategory: 'Add category',
      refreshAll: 'Refresh all',
      reload: 'Reload',
      save: 'Save',
      cancel: 'Cancel',
      close: 'Close',
      fId: 'Id',
      idHint: 'lower-case letters, digits and hyphens',
      fTitle: 'Title',
      fUrl: 'RSS/Atom address (URL)',
      fTags: 'Tags',
      commaHint: 'separated by commas',
      fInterval: 'Poll interval',
      durationHint: 'e.g. 90s, 15m, 2h; empty = default',
      fEnabled: 'Enabled',
      fDescription: 'Description',
      fSources: 'Sources',
      fCatTags: 'Source tags',
      fInclude: 'Keep entries with keywords',
      fExclude: 'Drop entries with keywords',
      fMaxAge: 'Maximum entry age',
      maxAgeHint: 'e.g. 7d; empty = no limit',
      fLimit: 'Maximum entries',
      cId: 'Id',
      cTitle: 'Title',
      cUrl: 'URL',
      cEnabled: 'State',
      cLastFetch: 'Last fetch',
      cLastStatus: 'HTTP status',
      cLastError: 'Last error',
      cEntries: 'Entries',
      cNextPoll: 'Next poll',
      cActions: 'Actions',
      cRules: 'Rules',
      cUpdated: 'Updated',
      cVersion: 'Version',
      cSavedAt: 'Saved at',
      cSummary: 'Change',
      historyTitle: 'Saved versions (newest first)',
      on: 'On',
      off: 'Off',
      edit: 'Edit',
      disable: 'Disable',
      enable: 'Enable',
      remove: 'Delete',
      refresh: 'Refresh',
      preview: 'Preview',
      rollback: 'Roll back',
      current: 'in force',
      never: 'not yet',
      none: '—',
      failures: '{0} failures in a row',
      noSources: 'No sources yet.',
      noCategories: 'No categories yet.',
      noHistory: 'No saved versions yet.',
      loading: 'Loading…',
      newSourceTitle: 'Add a source',
      editSourceTitle: 'Edit source {0}',
      newCategoryTitle: 'Add a category',
      editCategoryTitle: 'Edit category {0}',
      saved: 'Saved {0}.',
      removed: 'Deleted {0}.',
      toggledOn: 'Enabled {0}.',
      toggledOff: 'Disabled {0}.',
      confirmRemoveSource: 'Delete source “{0}”? It is removed from feeds.yml.',
      confirmRemoveCategory: 'Delete category “{0}”?',
      confirmRollback: 'Roll the configuration back to version {0}?',
      exists: 'This id is taken.',
      notFound: '{0} was not found; someone may have just deleted it.',
      refreshing: 'Refreshing {0}…',
      refreshAllName: 'all sources',
      refreshSummary: 'Refreshed {0}: {1} sources, {2} fetched, {3} not modified, {4} new, {5} duplicates, {6} errors.',
      tooMany: 'Too many failed attempts. Try again in {0} seconds.',
      tooManyNoWait: 'Too many failed attempts. Try again in a few minutes.',
      network: 'The server cannot be reached: {0}',
      serverError: 'The server answered {0}: {1}',
      rulesSources: 'sources: {0}',
      rulesTags: 'tags: {0}',
      rulesInclude: 'keep: {0}',
      rulesExclude: 'drop: {0}',
      rulesMaxAge: 'at most {0} old',
      rulesLimit: '{0} entries',
      allCategory: 'every enabled source',
      previewTitle: 'Preview: {0}',
      configStatus: 'Configuration in force: version {0}, saved {1}.',
      configStatusUnknown: 'Configuration in force: version unknown.',
      fileProblems: 'feeds.yml on disk has errors and was not applied; the previous configuration still runs:',
      configCurrent: 'Version in force: {0} (ETag {1}).',
      rolledBack: 'Rolled back to version {0}.',
      stale: 'Someone else just changed the configuration; the page reloaded it. Please try again.',
      staleItem: 'Someone else changed this item meanwhile. Cancel, open it again and redo the change.',
      invalid: 'The configuration is invalid:',
      line: 'line {0}',
      yamlTitle: 'Edit feeds.yml directly',
      yamlLabel: 'Contents of feeds.yml',
      yamlSave: 'Save feeds.yml',
      yamlSaved: 'feeds.yml saved.',
      yamlUnchanged: 'Nothing changed.',
    },
  };

  let lang = readStored(localStorage, LANG_KEY) === 'en' ? 'en' : 'vi';

  function t(key, ...args) {
    const text = I18N[lang][key] ?? I18N.vi[key] ?? key;
    return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  }

  // Storage may be off (privacy settings); the page then asks for the token on every load.
  function readStored(storage, key) {
    try { return storage.getItem(key); } catch (e) { return null; }
  }
  function writeStored(storage, key, value) {
    try {
      if (value === null) storage.removeItem(key); else storage.setItem(key, value);
    } catch (e) { /* not kept; nothing else to do */ }
  }

  // ---------------------------------------------------------------------------------------------
  // DOM helpers: the only way this file makes elements.
  const $ = (id) => document.getElementById(id);

  /** el('td', {class: 'num', text: 3, 'data-label': 'x'}, child...) */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = String(value);
      else if (name === 'class') node.className = value;
      else if (name === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function pad(n) { return String(n).padStart(2, '0'); }

  const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
    'Dec'];

  /** A server instant in the reader's time zone: 26/11/2026 14:05 (vi) or 26 Nov 2026, 14:05. */
  function formatDate(iso) {
    if (!iso) return null;
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return String(iso);
    const time = pad(d.getHours()) + ':' + pad(d.getMinutes());
    if (lang === 'vi') {
      return pad(d.getDate()) + '/' + pad(d.getMonth() + 1) + '/' + d.getFullYear() + ' ' + time;
    }
    return d.getDate() + ' ' + MONTHS_EN[d.getMonth()] + ' ' + d.getFullYear() + ', ' + time;
  }

  function dateCell(label, iso, fallbackKey) {
    const text = formatDate(iso);
    return el('td', {'data-label': label, title: iso || undefined,
      class: text ? undefined : 'muted', text: text || t(fallbackKey || 'none')});
  }

  function splitList(value) {
    return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  }

  /** Only http(s) addresses become links; anything else stays text. */
  function safeHref(url) {
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Notices.
  function notice(message, kind) {
    const box = $('notice');
    box.textContent = message;
    box.className = 'notice' + (kind === 'info' ? ' info' : '');
    box.setAttribute('role', kind === 'info' ? 'status' : 'alert');
    box.hidden = !message;
  }

  function retryAfterSeconds(header) {
    if (!header) return null;
    if (/^\d+$/.test(header.trim())) return Number(header.trim());
    const at = Date.parse(header);
    return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
  }

  // ---------------------------------------------------------------------------------------------
  // The API. Relative URLs: the page lives at <prefix>/admin/, the API at <prefix>/admin/api/.
  class Stop extends Error {}

  let token = readStored(sessionStorage, TOKEN_KEY);

  /**
   * One call. Answers {status, ok, headers, data}; 401 and 429 are handled here (login form,
   * notice) and end the caller's work by throwing Stop.
   */
  async function api(method, path, options) {
    const opts = options || {};
    const headers = new Headers(opts.headers || {});
    // The token goes to the admin API only, not to public URLs.
    if (!opts.public) headers.set('Authorization', 'Bearer ' + token);
    let body;
    if (opts.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(opts.json);
    } else if (opts.text !== undefined) {
      headers.set('Content-Type', 'application/yaml; charset=utf-8');
      body = opts.text;
    }
    let res;
    try {
      res = await fetch(path, {method, headers, body, cache: 'no-store',
        credentials: 'same-origin', referrerPolicy: 'no-referrer'});
    } catch (e) {
      notice(t('network', e.message));
      throw new Stop();
    }
    if (res.status === 401 && !opts.public) {
      signOut(t('tokenBad'));
      throw new Stop();
    }
    if (res.status === 429) {
      const wait = retryAfterSeconds(res.headers.get('Retry-After'));
      const message = wait === null ? t('tooManyNoWait') : t('tooMany', wait);
      notice(message);
      if (!$('login').hidden) $('login-error').textContent = message;
      throw new Stop();
    }
    const type = res.headers.get('Content-Type') || '';
    let data = null;
    if (res.status !== 204 && method !== 'HEAD') {
      const text = await res.text();
      if (type.includes('json')) {
        try { data = JSON.parse(text); } catch (e) { data = text; }
      } else {
        data = text;
      }
    }
    return {status: res.status, ok: res.ok, headers: res.headers, data};
  }

  /** The server's message of an error answer, for a person. */
  function problem(res) {
    const d = res.data;
    const message = d && typeof d === 'object' ? (d.message || d.error || '') : String(d || '');
    return t('serverError', res.status, message);
  }

  // Runs an action, turning unexpected failures into a notice; Stop was already shown.
  async function run(action) {
    try {
      await action();
    } catch (e) {
      if (!(e instanceof Stop)) notice(String(e && e.message ? e.message : e));
    }
  }

  async function busy(button, action) {
    if (button) button.disabled = true;
    try {
      await run(action);
    } finally {
      if (button) button.disabled = false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sign-in and sign-out.
  function showLogin(message) {
    $('app').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('token').setAttribute('aria-invalid', message ? 'true' : 'false');
    $('token').value = '';
    $('token').focus();
  }

  function signOut(message) {
    token = null;
    writeStored(sessionStorage, TOKEN_KEY, null);
    stopAutoReload();
    showLogin(message);
  }

  async function signIn(event) {
    event.preventDefault();
    $('login-error').textContent = '';
    const value = $('token').value.trim();
    if (!value) {
      $('login-error').textContent = t('tokenEmpty');
      $('token').setAttribute('aria-invalid', 'true');
      $('token').focus();
      return;
    }
    token = value;
    await run(async () => {
      const res = await api('GET', 'api/sources');
      if (!res.ok) {
        $('login-error').textContent = problem(res);
        return;
      }
      writeStored(sessionStorage, TOKEN_KEY, token);
      notice('');
      showApp();
      state.sources = res.data;
      renderSources();
      await loadRest();
    });
  }

  function showApp() {
    $('login').hidden = true;
    $('app').hidden = false;
    $('logout').hidden = false;
    startAutoReload();
  }

  // ---------------------------------------------------------------------------------------------
  // State shared by the views; re-rendered from here when the language changes.
  const state = {
    sources: [],
    categories: [], // merged admin + public view
    status: null,
    config: null, // {etag, text}
    history: [],
    editingSource: null,
    editingCategory: null,
  };

  async function loadAll() {
    await run(async () => {
      await loadSources();
      await loadRest();
    });
  }

  async function loadRest() {
    await Promise.all([loadStatus(), loadCategories(), loadConfig()]);
  }

  // ---------------------------------------------------------------------------------------------
  // Status line: the version in force and any problem of the file on disk.
  async function loadStatus() {
    const res = await api('GET', 'api/status');
    state.status = res.ok && res.data && typeof res.data === 'object' ? res.data : null;
    renderStatus();
  }

  function renderStatus() {
    const line = $('status');
    const list = $('file-problems');
    clear(list);
    const s = state.status;
    const config = s && s.config;
    line.className = 'status';
    if (!s) {
      line.textContent = '';
      list.hidden = true;
      return;
    }
    line.textContent = config && config.version !== undefined
      ? t('configStatus', config.version, formatDate(config.savedAt) || t('none'))
      : t('configStatusUnknown');
    const problems = Array.isArray(s.fileProblems) ? s.fileProblems : [];
    if (problems.length > 0) {
      line.className = 'status bad';
      line.textContent += ' ' + t('fileProblems');
      for (const p of problems) list.append(el('li', {text: describeProblem(p)}));
    }
    list.hidden = problems.length === 0;
  }

  function describeProblem(p) {
    if (typeof p !== 'object' || p === null) return String(p);
    const where = [p.file, p.line ? t('line', p.line) : null].filter(Boolean).join(', ');
    return (where ? '[' + where + '] ' : '') + (p.path ? p.path + ': ' : '') + (p.message || '');
  }

  // ---------------------------------------------------------------------------------------------
  // Sources.
  async function loadSources() {
    const res = await api('GET', 'api/sources');
    if (!res.ok) {
      notice(problem(res));
      return;
    }
    state.sources = Array.isArray(res.data) ? res.data : [];
    renderSources();
  }

  function renderSources() {
    const body = $('sources-table').tBodies[0];
    clear(body);
    if (state.sources.length === 0) {
      body.append(el('tr', {}, el('td', {colspan: 10, class: 'empty', text: t('noSources')})));
      return;
    }
    for (const s of state.sources) body.append(sourceRow(s));
  }

  function sourceRow(s) {
    const href = safeHref(s.url);
    const enabled = s.enabled !== false;
    const status = s.lastStatus;
    const statusClass = status === null || status === undefined ? 'muted'
      : status >= 200 && status < 400 ? 'http-ok' : 'http-bad';
    const errorCell = el('td', {class: 'error last-error', 'data-label': t('cLastError')});
    if (s.lastError || s.errorCode) {
      if (s.errorCode) errorCell.append(el('span', {class: 'code error-code', text: s.errorCode}), ' ');
      if (s.lastError) errorCell.append(el('span', {text: s.lastError}));
      if (s.failures > 0) errorCell.append(el('span', {class: 'row-result', text: t('failures', s.failures)}));
    } else {
      errorCell.append(el('span', {class: 'muted', text: t('none')}));
    }
    const id = s.id;
    return el('tr', {'data-id': id},
      el('td', {'data-label': t('cId')}, el('span', {class: 'code', text: id})),
      el('td', {class: 'title', 'data-label': t('cTitle'), text: s.title}),
      el('td', {class: 'url', 'data-label': t('cUrl')}, href
        ? el('a', {href, rel: 'noopener noreferrer', target: '_blank', text: s.url})
        : el('span', {text: s.url || ''})),
      el('td', {class: 'enabled', 'data-label': t('cEnabled')},
        el('span', {class: 'pill ' + (enabled ? 'on' : 'off'), text: enabled ? t('on') : t('off')})),
      dateCell(t('cLastFetch'), s.lastFetch, 'never'),
      el('td', {class: 'num last-status ' + statusClass, 'data-label': t('cLastStatus'),
        text: status === null || status === undefined ? t('none') : status}),
      errorCell,
      el('td', {class: 'num entries', 'data-label': t('cEntries'), text: s.entries ?? 0}),
      dateCell(t('cNextPoll'), s.nextPoll),
      el('td', {'data-label': t('cActions')}, el('div', {class: 'actions'},
        el('button', {type: 'button', 'data-action': 'edit', 'aria-label': t('edit') + ' ' + id,
          text: t('edit'), onclick: (e) => busy(e.currentTarget, () => editSource(s.id))}),
        el('button', {type: 'button', 'data-action': 'toggle',
          'aria-label': (enabled ? t('disable') : t('enable')) + ' ' + id,
          text: enabled ? t('disable') : t('enable'),
          onclick: (e) => busy(e.currentTarget, () => toggleSource(s))}),
        el('button', {type: 'button', 'data-action': 'refresh', 'aria-label': t('refresh') + ' ' + id,
          text: t('refresh'), onclick: (e) => busy(e.currentTarget, () => refresh(s.id))}),
        el('button', {type: 'button', class: 'danger', 'data-action': 'delete',
          'aria-label': t('remove') + ' ' + id, text: t('remove'),
          onclick: (e) => busy(e.currentTarget, () => removeSource(s))}))));
  }

  async function refresh(id) {
    const summary = $('sources-summary');
    summary.className = 'summary';
    const name = id === null ? t('refreshAllName') : id;
    summary.textContent = t('refreshing', name);
    const path = id === null ? 'api/refresh' : 'api/sources/' + encodeURIComponent(id) + '/refresh';
    const res = await api('POST', path);
    if (!res.ok) {
      summary.className = 'summary bad';
      summary.textContent = res.status === 404 ? t('notFound', name) : problem(res);
      return;
    }
    const r = res.data || {};
    summary.textContent = t('refreshSummary', name, r.sources ?? 0, r.fetched ?? 0,
      r.notModified ?? 0, r.new ?? 0, r.duplicates ?? 0, r.errors ?? 0);
    await loadSources();
  }

  /**
   * One configured item as PUT takes it, with the ETag of the feeds.yml it was read from, or
   * null (after a notice) when it cannot be read. PUT replaces the whole item, so an edit starts
   * from this rather than from the status list.
   */
  async function readItem(collection, id) {
    const res = await api('GET', 'api/' + collection + '/' + encodeURIComponent(id));
    if (res.ok && res.data && typeof res.data === 'object') {
      return {item: res.data, etag: res.headers.get('ETag')};
    }
    notice(res.status === 404 ? t('notFound', id) : problem(res));
    return null;
  }

  function ifMatch(etag) {
    return etag ? {'If-Match': etag} : {};
  }

  async function toggleSource(s) {
    const read = await readItem('sources', s.id);
    if (!read) return;
    const enabled = read.item.enabled !== false;
    const item = Object.assign({}, read.item);
    // Enabled is the default: left out, as feeds.yml leaves it out.
    if (enabled) item.enabled = false; else delete item.enabled;
    const res = await api('PUT', 'api/sources/' + encodeURIComponent(s.id),
      {json: item, headers: ifMatch(read.etag)});
    if (res.ok) {
      notice(t(enabled ? 'toggledOff' : 'toggledOn', s.id), 'info');
      await Promise.all([loadSources(), loadRest()]);
    } else {
      notice(res.status === 422 ? errorsText(res.data) : res.status === 404
        ? t('notFound', s.id) : res.status === 412 ? t('stale') : problem(res));
      await loadSources();
    }
  }

  async function removeSource(s) {
    if (!window.confirm(t('confirmRemoveSource', s.id))) return;
    const res = await api('DELETE', 'api/sources/' + encodeURIComponent(s.id));
    if (res.ok) {
      notice(t('removed', s.id), 'info');
      if (state.editingSource && state.editingSource.id === s.id) closeForm('source');
      await Promise.all([loadSources(), loadRest()]);
    } else {
      notice(res.status === 422 ? errorsText(res.data) : res.status === 404
        ? t('notFound', s.id) : problem(res));
    }
  }

  async function editSource(id) {
    const read = await readItem('sources', id);
    if (read) openSourceForm(read.item, read.etag);
  }

  function openSourceForm(s, etag) {
    state.editingSource = s ? {id: s.id, etag} : null;
    const form = $('source-form');
    clearErrors('source');
    $('source-form-title').textContent = s ? t('editSourceTitle', s.id) : t('newSourceTitle');
    $('source-id').value = s ? s.id : '';
    $('source-id').readOnly = Boolean(s);
    $('source-title').value = s ? s.title || '' : '';
    $('source-url').value = s ? s.url || '' : '';
    $('source-tags').value = s && Array.isArray(s.tags) ? s.tags.join(', ') : '';
    $('source-interval').value = s && s.interval ? s.interval : '';
    $('source-enabled').checked = s ? s.enabled !== false : true;
    form.hidden = false;
    (s ? $('source-title') : $('source-id')).focus();
  }

  async function saveSource(event) {
    event.preventDefault();
    const editing = state.editingSource;
    // Keys at their default are left out, as a hand-written feeds.yml leaves them out.
    const body = {
      id: $('source-id').value.trim(),
      title: $('source-title').value.trim(),
      url: $('source-url').value.trim(),
    };
    const tags = splitList($('source-tags').value);
    if (tags.length > 0) body.tags = tags;
    if (!$('source-enabled').checked) body.enabled = false;
    const interval = $('source-interval').value.trim();
    if (interval) body.interval = interval;
    const res = editing
      ? await api('PUT', 'api/sources/' + encodeURIComponent(editing.id),
        {json: body, headers: ifMatch(editing.etag)})
      : await api('POST', 'api/sources', {json: body});
    if (res.ok) {
      closeForm('source');
      notice(t('saved', body.id), 'info');
      await Promise.all([loadSources(), loadRest()]);
      return;
    }
    showSaveErrors('source', res, body.id);
  }

  // ---------------------------------------------------------------------------------------------
  // Validation errors next to their field. A path such as "sources[3].url" or
  // "categories[0].sources[2]" names the field after the index; anything else goes on top.
  const FORM_SECTION = {source: 'sources', category: 'categories'};

  function fieldOf(kind, path) {
    let p = String(path || '').replace(/^\$\.?/, '');
    const m = /^(sources|categories)\[\d+\]\.?(.*)$/.exec(p);
    if (m) {
      if (m[1] !== FORM_SECTION[kind]) return null;
      p = m[2];
    }
    const name = /^[A-Za-z_]+/.exec(p);
    if (!name) return null;
    return $(kind + '-' + name[0] + '-error') ? name[0] : null;
  }

  function clearErrors(kind) {
    const form = $(kind + '-form');
    for (const e of form.querySelectorAll('.field-error')) e.textContent = '';
    for (const i of form.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
    const top = $(kind + '-form-errors');
    clear(top);
    top.hidden = true;
  }

  function showErrors(kind, errors) {
    clearErrors(kind);
    const top = $(kind + '-form-errors');
    let first = null;
    for (const error of errors) {
      const field = fieldOf(kind, error.path);
      if (field) {
        const slot = $(kind + '-' + field + '-error');
        slot.textContent = slot.textContent ? slot.textContent + ' ' + error.message : error.message;
        const input = $(kind + '-' + field);
        input.setAttribute('aria-invalid', 'true');
        first = first || input.querySelector('input') || input;
      } else {
        top.append(el('li', {text: describeProblem(error)}));
        top.hidden = false;
      }
    }
    if (!top.hidden) {
      top.setAttribute('tabindex', '-1');
      (first || top).focus();
    } else if (first) {
      first.focus();
    }
  }

  function showSaveErrors(kind, res, id) {
    if (res.status === 422 && res.data && Array.isArray(res.data.errors)) {
      showErrors(kind, res.data.errors);
    } else if (res.status === 400 && res.data && res.data.field) {
      showErrors(kind, [{path: res.data.field, message: res.data.message}]);
    } else if (res.status === 409) {
      showErrors(kind, [{path: 'id', message: t('exists')}]);
    } else if (res.status === 412) {
      showErrors(kind, [{message: t('staleItem')}]);
    } else if (res.status === 404) {
      showErrors(kind, [{message: t('notFound', id)}]);
    } else {
      showErrors(kind, [{message: problem(res)}]);
    }
  }

  function errorsText(data) {
    const errors = data && Array.isArray(data.errors) ? data.errors : [];
    return [t('invalid')].concat(errors.map(describeProblem)).join(' ');
  }

  function closeForm(kind) {
    $(kind + '-form').hidden = true;
    clearErrors(kind);
    if (kind === 'source') state.editingSource = null;
    else state.editingCategory = null;
  }

  // ---------------------------------------------------------------------------------------------
  // Categories: the public list (entries, feeds) joined with the admin view (rules) when the
  // server has one.
  async function loadCategories() {
    const [pub, admin] = await Promise.all([
      api('GET', '../api/categories', {public: true}),
      api('GET', 'api/categories'),
    ]);
    const rules = new Map();
    if (admin.ok && Array.isArray(admin.data)) for (const c of admin.data) rules.set(c.id, c);
    const merged = [];
    const seen = new Set();
    for (const c of pub.ok && Array.isArray(pub.data) ? pub.data : []) {
      merged.push(Object.assign({}, c, rules.get(c.id) || {}, {entries: c.entries, updated: c.updated}));
      seen.add(c.id);
    }
    for (const [id, c] of rules) if (!seen.has(id)) merged.push(c);
    state.categories = merged;
    renderCategories();
  }

  function rulesText(c) {
    if (c.id === 'all') return t('allCategory');
    const parts = [];
    const list = (v) => (Array.isArray(v) && v.length > 0 ? v.join(', ') : null);
    if (list(c.sources)) parts.push(t('rulesSources', list(c.sources)));
    if (list(c.tags)) parts.push(t('rulesTags', list(c.tags)));
    if (list(c.include)) parts.push(t('rulesInclude', list(c.include)));
    if (list(c.exclude)) parts.push(t('rulesExclude', list(c.exclude)));
    if (c.max_age) parts.push(t('rulesMaxAge', c.max_age));
    if (c.limit) parts.push(t('rulesLimit', c.limit));
    return parts.length > 0 ? parts.join(' · ') : (c.description || t('none'));
  }

  function renderCategories() {
    const body = $('categories-table').tBodies[0];
    clear(body);
    if (state.categories.length === 0) {
      body.append(el('tr', {}, el('td', {colspan: 6, class: 'empty', text: t('noCategories')})));
      return;
    }
    for (const c of state.categories) {
      const reserved = c.id === 'all';
      const actions = el('div', {class: 'actions'},
        el('button', {type: 'button', 'data-action': 'preview', 'aria-label': t('preview') + ' ' + c.id,
          text: t('preview'), onclick: () => openPreview(c)}));
      if (!reserved) {
        actions.prepend(el('button', {type: 'button', 'data-action': 'edit',
          'aria-label': t('edit') + ' ' + c.id, text: t('edit'),
          onclick: (e) => busy(e.currentTarget, () => editCategory(c.id))}));
        actions.append(el('button', {type: 'button', class: 'danger', 'data-action': 'delete',
          'aria-label': t('remove') + ' ' + c.id, text: t('remove'),
          onclick: (e) => busy(e.currentTarget, () => removeCategory(c))}));
      }
      body.append(el('tr', {'data-id': c.id},
        el('td', {'data-label': t('cId')}, el('span', {class: 'code', text: c.id})),
        el('td', {class: 'title', 'data-label': t('cTitle')}, el('strong', {text: c.title || ''}),
          c.description ? el('span', {class: 'row-result', text: c.description}) : null),
        el('td', {'data-label': t('cRules'), text: rulesText(c)}),
        el('td', {class: 'num entries', 'data-label': t('cEntries'), text: c.entries ?? t('none')}),
        dateCell(t('cUpdated'), c.updated),
        el('td', {'data-label': t('cActions')}, actions)));
    }
  }

  async function editCategory(id) {
    const read = await readItem('categories', id);
    if (read) openCategoryForm(read.item, read.etag);
  }

  function openCategoryForm(c, etag) {
    state.editingCategory = c ? {id: c.id, etag} : null;
    clearErrors('category');
    $('category-form-title').textContent = c ? t('editCategoryTitle', c.id) : t('newCategoryTitle');
    $('category-id').value = c ? c.id : '';
    $('category-id').readOnly = Boolean(c);
    $('category-title').value = c ? c.title || '' : '';
    $('category-description').value = c ? c.description || '' : '';
    const join = (v) => (Array.isArray(v) ? v.join(', ') : '');
    $('category-tags').value = c ? join(c.tags) : '';
    $('category-include').value = c ? join(c.include) : '';
    $('category-exclude').value = c ? join(c.exclude) : '';
    $('category-max_age').value = c && c.max_age ? c.max_age : '';
    $('category-limit').value = c && c.limit ? c.limit : '';
    renderSourceChoices(c && Array.isArray(c.sources) ? c.sources : []);
    $('category-form').hidden = false;
    (c ? $('category-title') : $('category-id')).focus();
  }

  function renderSourceChoices(chosen) {
    const box = $('category-sources-choices');
    clear(box);
    const ids = state.sources.map((s) => s.id);
    for (const id of chosen) if (!ids.includes(id)) ids.push(id);
    ids.forEach((id, i) => {
      const s = state.sources.find((x) => x.id === id);
      const inputId = 'category-source-' + i;
      box.append(el('label', {for: inputId},
        el('input', {type: 'checkbox', id: inputId, value: id, checked: chosen.includes(id)}),
        el('span', {text: s && s.title ? s.title + ' (' + id + ')' : id})));
    });
  }

  async function saveCategory(event) {
    event.preventDefault();
    const editing = state.editingCategory;
    const body = {
      id: $('category-id').value.trim(),
      title: $('category-title').value.trim(),
    };
    const sources = [...$('category-sources-choices').querySelectorAll('input:checked')]
      .map((i) => i.value);
    if (sources.length > 0) body.sources = sources;
    const tags = splitList($('category-tags').value);
    if (tags.length > 0) body.tags = tags;
    const description = $('category-description').value.trim();
    if (description) body.description = description;
    const include = splitList($('category-include').value);
    if (include.length > 0) body.include = include;
    const exclude = splitList($('category-exclude').value);
    if (exclude.length > 0) body.exclude = exclude;
    const maxAge = $('category-max_age').value.trim();
    if (maxAge) body.max_age = maxAge;
    const limit = $('category-limit').value.trim();
    if (limit) body.limit = /^\d+$/.test(limit) ? Number(limit) : limit;
    const res = editing
      ? await api('PUT', 'api/categories/' + encodeURIComponent(editing.id),
        {json: body, headers: ifMatch(editing.etag)})
      : await api('POST', 'api/categories', {json: body});
    if (res.ok) {
      closeForm('category');
      notice(t('saved', body.id), 'info');
      await loadRest();
      return;
    }
    showSaveErrors('category', res, body.id);
  }

  async function removeCategory(c) {
    if (!window.confirm(t('confirmRemoveCategory', c.id))) return;
    const res = await api('DELETE', 'api/categories/' + encodeURIComponent(c.id));
    if (res.ok) {
      notice(t('removed', c.id), 'info');
      if (state.editingCategory && state.editingCategory.id === c.id) closeForm('category');
      await loadRest();
    } else {
      notice(res.status === 422 ? errorsText(res.data) : res.status === 404
        ? t('notFound', c.id) : problem(res));
    }
  }

  // The feed's own HTML list in a sandbox="" frame: no script, no forms, no navigation of the
  // page, even if the feed carried something hostile; the list also sends its own strict CSP.
  function openPreview(c) {
    const base = '../feeds/' + encodeURIComponent(c.id);
    $('preview-title').textContent = t('previewTitle', c.title || c.id);
    const links = $('preview-links');
    clear(links);
    for (const ext of ['rss', 'atom', 'json', 'html']) {
      links.append(el('a', {href: base + '.' + ext, rel: 'noopener noreferrer', target: '_blank',
        text: ext.toUpperCase()}));
    }
    const frame = $('preview-frame');
    frame.setAttribute('title', t('previewTitle', c.title || c.id));
    frame.src = base + '.html';
    $('preview').hidden = false;
    $('preview-close').focus();
  }

  function closePreview() {
    $('preview').hidden = true;
    $('preview-frame').src = 'about:blank';
  }

  // ---------------------------------------------------------------------------------------------
  // Configuration: the version in force, the history, rollback, and the raw file.
  async function loadConfig() {
    const [cfg, hist] = await Promise.all([api('GET', 'api/config'),
      api('GET', 'api/config/history')]);
    state.config = cfg.ok ? {etag: cfg.headers.get('ETag'), text: String(cfg.data ?? '')} : null;
    state.history = hist.ok && Array.isArray(hist.data) ? hist.data : [];
    renderConfig();
  }

  function currentVersion() {
    if (!state.config) return null;
    const v = state.history.find((h) => h.etag === state.config.etag);
    return v ? v.version : null;
  }

  function renderConfig() {
    const cur = currentVersion();
    $('config-current').textContent = state.config
      ? t('configCurrent', cur ?? t('none'), state.config.etag || t('none')) : '';
    const editor = $('yaml-text');
    if (state.config && !editor.dataset.dirty) editor.value = state.config.text;
    const body = $('history-table').tBodies[0];
    clear(body);
    if (state.history.length === 0) {
      body.append(el('tr', {}, el('td', {colspan: 4, class: 'empty', text: t('noHistory')})));
      return;
    }
    for (const h of state.history) {
      const isCurrent = h.version === cur;
      body.append(el('tr', {'data-version': h.version},
        el('td', {class: 'num', 'data-label': t('cVersion')}, String(h.version),
          isCurrent ? el('span', {class: 'row-result', text: t('current')}) : null),
        dateCell(t('cSavedAt'), h.savedAt),
        el('td', {'data-label': t('cSummary'), text: h.summary || ''}),
        el('td', {'data-label': t('cActions')}, isCurrent ? null
          : el('button', {type: 'button', 'data-action': 'rollback',
            'aria-label': t('rollback') + ' ' + h.version, text: t('rollback'),
            onclick: (e) => busy(e.currentTarget, () => rollback(h.version))}))));
    }
  }

  function configResult(message, bad) {
    const out = $('config-result');
    out.className = 'summary' + (bad ? ' bad' : '');
    out.textContent = message;
  }

  async function rollback(version) {
    if (!window.confirm(t('confirmRollback', version))) return;
    // If-Match from a fresh GET: a rollback never silently overwrites someone else's save.
    const cfg = await api('GET', 'api/config');
    if (!cfg.ok) {
      configResult(problem(cfg), true);
      return;
    }
    const res = await api('POST', 'api/config/rollback/' + encodeURIComponent(version),
      {headers: {'If-Match': cfg.headers.get('ETag') || ''}});
    await afterConfigChange(res, t('rolledBack', version));
  }

  async function saveYaml(event) {
    event.preventDefault();
    if (!state.config) return;
    const res = await api('PUT', 'api/config', {text: $('yaml-text').value,
      headers: {'If-Match': state.config.etag || ''}});
    if (res.ok) delete $('yaml-text').dataset.dirty;
    await afterConfigChange(res, t('yamlSaved'));
  }

  async function afterConfigChange(res, okMessage) {
    if (res.ok) {
      configResult(okMessage, false);
      await Promise.all([loadSources(), loadRest()]);
    } else if (res.status === 412 || res.status === 428) {
      configResult(t('stale'), true);
      await loadConfig();
    } else if (res.status === 422) {
      configResult(errorsText(res.data), true);
    } else {
      configResult(problem(res), true);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Tabs (WAI-ARIA tabs pattern: arrow keys move between tabs, Tab goes into the panel).
  const TABS = ['sources', 'categories', 'config'];

  function selectTab(name, focus) {
    for (const n of TABS) {
      const tab = $('tab-' + n);
      const selected = n === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $('panel-' + n).hidden = !selected;
    }
    if (focus) $('tab-' + name).focus();
  }

  function tabKeys(event) {
    const current = TABS.findIndex((n) => $('tab-' + n).getAttribute('aria-selected') === 'true');
    let next = null;
    if (event.key === 'ArrowRight') next = (current + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (current + TABS.length - 1) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    if (next !== null) {
      event.preventDefault();
      selectTab(TABS[next], true);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Keeping the sources table current while it is on screen.
  let autoReload = null;

  function startAutoReload() {
    stopAutoReload();
    autoReload = window.setInterval(() => {
      if (document.visibilityState === 'visible' && !$('panel-sources').hidden && token) {
        run(reloadSources);
      }
    }, AUTO_RELOAD_MS);
  }

  // The status line rides along: it is where a broken hand edit of feeds.yml shows up.
  async function reloadSources() {
    await Promise.all([loadSources(), loadStatus()]);
  }

  function stopAutoReload() {
    if (autoReload !== null) window.clearInterval(autoReload);
    autoReload = null;
  }

  // ---------------------------------------------------------------------------------------------
  // Language.
  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t('pageTitle');
    for (const node of document.querySelectorAll('[data-i18n]')) {
      node.textContent = t(node.getAttribute('data-i18n'));
    }
    const sw = $('lang');
    sw.textContent = t('switchTo');
    sw.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
    renderSources();
    renderCategories();
    renderStatus();
    renderConfig();
    const sourceTitle = $('source-form-title');
    sourceTitle.textContent = state.editingSource
      ? t('editSourceTitle', state.editingSource.id) : t('newSourceTitle');
    $('category-form-title').textContent = state.editingCategory
      ? t('editCategoryTitle', state.editingCategory.id) : t('newCategoryTitle');
  }

  function switchLanguage() {
    lang = lang === 'vi' ? 'en' : 'vi';
    writeStored(localStorage, LANG_KEY, lang);
    applyLanguage();
  }

  // ---------------------------------------------------------------------------------------------
  // The raw feeds.yml editor is built here rather than in index.html so that the page stays
  // readable; it is the same DOM either way.
  function buildYamlEditor() {
    const form = el('form', {id: 'yaml-form', class: 'card', novalidate: true},
      el('label', {for: 'yaml-text', 'data-i18n': 'yamlLabel', text: t('yamlLabel')}),
      el('textarea', {id: 'yaml-text', rows: 18, spellcheck: 'false', class: 'yaml'}),
      el('div', {class: 'form-actions'},
        el('button', {type: 'submit', class: 'primary', 'data-i18n': 'yamlSave', text: t('yamlSave')})));
    const details = el('details', {class: 'yaml-details'},
      el('summary', {'data-i18n': 'yamlTitle', text: t('yamlTitle')}), form);
    $('panel-config').append(details);
    form.addEventListener('submit', (e) => busy(e.submitter, () => saveYaml(e)));
    $('yaml-text').addEventListener('input', (e) => { e.target.dataset.dirty = '1'; });
  }

  // ---------------------------------------------------------------------------------------------
  function init() {
    buildYamlEditor();
    applyLanguage();
    $('lang').addEventListener('click', switchLanguage);
    $('logout').addEventListener('click', () => signOut(''));
    $('login-form').addEventListener('submit', (e) => busy(e.submitter, () => signIn(e)));
    $('source-add').addEventListener('click', () => openSourceForm(null));
    $('category-add').addEventListener('click', () => openCategoryForm(null));
    $('source-form').addEventListener('submit', (e) => busy(e.submitter, () => saveSource(e)));
    $('category-form').addEventListener('submit', (e) => busy(e.submitter, () => saveCategory(e)));
    for (const kind of ['source', 'category']) {
      const form = $(kind + '-form');
      form.querySelector('.cancel').addEventListener('click', () => closeForm(kind));
      form.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeForm(kind); });
    }
    $('refresh-all').addEventListener('click', (e) => busy(e.currentTarget, () => refresh(null)));
    $('reload-sources').addEventListener('click', (e) => busy(e.currentTarget, reloadSources));
    $('reload-categories').addEventListener('click', (e) => busy(e.currentTarget, loadCategories));
    $('reload-config').addEventListener('click', (e) => busy(e.currentTarget, loadConfig));
    $('preview-close').addEventListener('click', closePreview);
    for (const n of TABS) $('tab-' + n).addEventListener('click', () => selectTab(n, false));
    document.querySelector('[role="tablist"]').addEventListener('keydown', tabKeys);

    if (token) {
      showApp();
      loadAll();
    } else {
      showLogin('');
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
