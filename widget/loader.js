/* JoxAI widget loader. A bank pastes:
 *   <script src="https://HOST/widget.js" data-inbox="KEY" async></script>
 * It draws the launcher and, when the customer opens it (or the page is idle), the chat frame from
 * HOST. Page and frame talk by postMessage, each checking the other's origin.
 * API: JoxAI('open'), JoxAI('close'), JoxAI('identify', {token}), JoxAI('locale', 'es'). */
(function (w, d) {
  var s = d.currentScript || d.querySelector('script[data-inbox]');
  if (!s || (w.JoxAI && w.JoxAI.loaded)) return;
  var key = s.getAttribute('data-inbox') || '', origin = new URL(s.src, location.href).origin;
  var queued = (w.JoxAI && w.JoxAI.q) || [], frame, ready = false, pending = [], open = false;
  var lang = s.getAttribute('data-locale') || '', side = 'right';
  var es = (lang || d.documentElement.lang || navigator.language || 'es').slice(0, 2) !== 'en';
  var b = d.createElement('button');
  function css(el, rules) { for (var k in rules) el.style[k] = rules[k]; }
  function post(m) {
    if (ready) frame.contentWindow.postMessage(JSON.stringify(m), origin); else pending.push(m);
  }
  function place() {
    var small = w.innerWidth < 480;
    css(frame, small ? { top: '0', left: '0', right: '0', bottom: '0', width: '100%', height: '100%', borderRadius: '0' }
      : { top: 'auto', bottom: '88px', left: side === 'left' ? '20px' : 'auto', right: side === 'left' ? 'auto' : '20px',
          width: '380px', height: 'min(600px, calc(100% - 108px))', borderRadius: '12px' });
    css(b, { left: side === 'left' ? '20px' : 'auto', right: side === 'left' ? 'auto' : '20px' });
  }
  function load() {
    if (frame) return;
    frame = d.createElement('iframe');
    frame.src = origin + '/widget?inbox=' + encodeURIComponent(key) + '&host=' + encodeURIComponent(location.origin) +
      (lang ? '&lang=' + encodeURIComponent(lang) : '');
    frame.title = es ? 'Chat con el banco' : 'Chat with the bank';
    frame.setAttribute('data-joxai', 'frame');
    css(frame, { position: 'fixed', border: '0', display: 'none', zIndex: '2147483000', background: '#fff',
      boxShadow: '0 8px 28px rgba(0,0,0,.25)', colorScheme: 'light' });
    place();
    d.body.appendChild(frame);
  }
  function show(v) {
    load();
    open = v;
    frame.style.display = v ? 'block' : 'none';
    b.style.display = v && w.innerWidth < 480 ? 'none' : 'grid';
    b.setAttribute('aria-expanded', v ? 'true' : 'false');
    b.setAttribute('aria-label', v ? (es ? 'Cerrar chat' : 'Close chat') : (es ? 'Abrir chat' : 'Open chat'));
    if (v) { post({ type: 'joxai:open' }); frame.focus(); }
  }
  w.addEventListener('message', function (e) {
    if (!frame || e.origin !== origin || e.source !== frame.contentWindow) return;
    var m; try { m = JSON.parse(e.data); } catch (_) { return; }
    if (m.type === 'joxai:ready') { ready = true; pending.splice(0).forEach(post); }
    else if (m.type === 'joxai:close') { show(false); b.focus(); }
    else if (m.type === 'joxai:config') {
      if (/^#[0-9a-f]{6}$/i.test(m.theme)) b.style.background = m.theme;
      side = m.position === 'left' ? 'left' : 'right'; place();
    }
  });
  w.addEventListener('resize', function () { if (frame) place(); });
  var api = function (cmd, arg) {
    if (cmd === 'open') show(true);
    else if (cmd === 'close') show(false);
    else if (cmd === 'identify') { load(); post({ type: 'joxai:identify', token: arg && arg.token }); }
    else if (cmd === 'locale') { lang = arg; es = arg !== 'en'; load(); post({ type: 'joxai:locale', lang: arg }); }
  };
  api.loaded = true;
  w.JoxAI = api;
  b.type = 'button';
  b.setAttribute('data-joxai', 'launcher');
  b.innerHTML = '<svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" fill="currentColor">' +
    '<path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
  css(b, { position: 'fixed', bottom: '20px', width: '56px', height: '56px', borderRadius: '50%', border: '0',
    background: '#0b5fff', color: '#fff', cursor: 'pointer', display: 'grid', placeItems: 'center',
    zIndex: '2147483001', boxShadow: '0 4px 14px rgba(0,0,0,.25)' });
  b.onclick = function () { show(!open); };
  b.setAttribute('aria-expanded', 'false');
  b.setAttribute('aria-label', es ? 'Abrir chat' : 'Open chat');
  function mount() {
    d.body.appendChild(b);
    queued.forEach(function (c) { api.apply(null, c); });
    (w.requestIdleCallback || function (f) { setTimeout(f, 3000); })(load);
  }
  if (d.body) mount(); else d.addEventListener('DOMContentLoaded', mount);
})(window, document);
