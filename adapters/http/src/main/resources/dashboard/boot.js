// Opens /ws while the page's modules and stylesheet still load, so the server's first state frame is on its
// way in parallel instead of after them. app.js adopts the socket and the frames it has kept. A classic
// script in the head: it runs before the page is parsed further, and it is this origin's own file, as the
// Content-Security-Policy requires.
(() => {
  const boot = { socket: new WebSocket(`ws://${location.host}/ws`), frames: [], opened: false, closed: false };
  boot.socket.addEventListener('open', () => { boot.opened = true; });
  boot.socket.addEventListener('message', (event) => { if (boot.frames) boot.frames.push(event.data); });
  boot.socket.addEventListener('close', () => { boot.closed = true; });
  window.opensessionsBoot = boot;
})();
