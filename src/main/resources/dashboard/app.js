// policywire dashboard: plain JavaScript, no build step. Loads the current state from /api/…,
// then follows /api/live (server-sent events) so new stories, actions and alerts appear without
// a reload. Every text is set with textContent: article text never becomes markup.
"use strict";

window.__policywirePage = Math.random().toString(36).slice(2); // tests check the page never reloads

const MAX_STORIES = 30;
const MAX_ACTIONS = 50;
const MAX_ALERTS = 20;

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function showEmpty(list) {
  const empty = document.querySelector(`.empty[data-for="${list.id}"]`);
  if (empty) empty.hidden = list.children.length > 0;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function shortTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toISOString().replace("T", " ").slice(0, 16);
}

function fresh(node) {
  node.classList.remove("fresh");
  void node.offsetWidth;
  node.classList.add("fresh");
}

// ---- stories ---------------------------------------------------------------------------
const stories = document.getElementById("stories");

function storyItem(story) {
  const li = el("li");
  li.dataset.storyId = story.storyId;
  li.dataset.lastSeen = story.lastSeen || "";
  const count = story.articleCount || (story.articleIds || []).length || 1;
  const badge = el("span", "copies", count);
  badge.title = `${count} cop${count === 1 ? "y" : "ies"}`;
  li.append(badge, el("div", "title", story.title || story.canonicalId));
  const sources = (story.sources || []).join(", ");
  li.append(el("div", "meta", `${shortTime(story.lastSeen)} · ${sources}`));
  return li;
}

function upsertStory(story, live) {
  const existing = stories.querySelector(`li[data-story-id="${CSS.escape(story.storyId)}"]`);
  if (existing && !live) return; // the live feed already brought a newer version
  const item = storyItem(story);
  if (existing) existing.remove();
  if (live) {
    stories.prepend(item);
    fresh(item);
  } else {
    stories.append(item);
  }
  while (stories.children.length > MAX_STORIES) stories.lastElementChild.remove();
  showEmpty(stories);
}

// ---- entities --------------------------------------------------------------------------
const entities = document.getElementById("entities");
const range = document.getElementById("entity-range");

function entityItem(entity, rank) {
  const li = el("li");
  li.dataset.entityId = entity.id;
  li.append(el("span", "rank", rank), el("span", "name", entity.name || entity.id),
      el("span", "count", entity.articles));
  li.querySelector(".name").title = `${entity.id} (${entity.type || "?"})`;
  const total = entity.favor + entity.against + entity.neutral;
  const bar = el("div", "stance");
  bar.title = `favor ${entity.favor}, against ${entity.against}, neutral ${entity.neutral}`;
  for (const kind of ["favor", "against", "neutral"]) {
    const part = el("span", kind);
    part.style.width = total ? `${(100 * entity[kind]) / total}%` : "0";
    bar.append(part);
  }
  li.append(bar);
  return li;
}

async function loadEntities() {
  try {
    const top = await getJson(`/api/entities/top?from=${range.value}&limit=10`);
    entities.replaceChildren(...top.map((e, i) => entityItem(e, i + 1)));
    showEmpty(entities);
  } catch (e) {
    console.warn("entities", e);
  }
}

let entitiesTimer = null;
function loadEntitiesSoon() {
  clearTimeout(entitiesTimer);
  entitiesTimer = setTimeout(loadEntities, 1000);
}

// ---- actions and alerts ----------------------------------------------------------------
const actions = document.getElementById("actions");
const alerts = document.getElementById("alerts");

function actionTime(action, fallback) {
  return action.date || fallback || "";
}

function actionItem(action, time) {
  const li = el("li");
  li.dataset.actionId = action.id;
  li.dataset.time = time;
  li.append(el("time", null, time ? time.slice(0, 10) : "—"), el("span", "type", action.type));
  const who = `${action.authority || "unknown authority"} → ${(action.targets || []).join(", ") || "—"}`;
  li.append(el("span", "who", who));
  if (action.jurisdiction) li.append(el("span", "meta", ` (${action.jurisdiction})`));
  const evidence = Array.isArray(action.evidence) ? action.evidence.join(" ") : action.evidence;
  if (evidence) li.append(el("div", "evidence", evidence));
  return li;
}

function upsertAction(action, time, live) {
  const existing = actions.querySelector(`li[data-action-id="${CSS.escape(action.id)}"]`);
  if (existing && !live) return;
  const item = actionItem(action, time);
  if (existing) existing.remove();
  // keep the timeline newest first by the action's own date
  const after = [...actions.children].find(li => (li.dataset.time || "") < time);
  actions.insertBefore(item, after || null);
  if (live) fresh(item);
  while (actions.children.length > MAX_ACTIONS) actions.lastElementChild.remove();
  showEmpty(actions);
}

function addAlert(alert, seen, live) {
  const existing = alerts.querySelector(`li[data-alert-id="${CSS.escape(alert.id)}"]`);
  if (existing && !live) return;
  if (existing) existing.remove();
  const li = el("li");
  li.dataset.alertId = alert.id;
  li.append(el("span", "type", alert.type),
      el("span", "who", `${alert.authority || "?"} → ${(alert.targets || []).join(", ")}`),
      el("div", "meta", `${alert.date || ""} · first seen ${shortTime(seen)}`));
  if (live) {
    alerts.prepend(li);
    fresh(li);
  } else {
    alerts.append(li);
  }
  while (alerts.children.length > MAX_ALERTS) alerts.lastElementChild.remove();
  showEmpty(alerts);
}

// ---- start-up and the live feed ----------------------------------------------------------
const status = document.getElementById("live-status");

function connect() {
  const source = new EventSource("/api/live");
  source.addEventListener("open", () => { status.dataset.state = "open"; status.textContent = "live"; });
  source.addEventListener("error", () => {
    status.dataset.state = source.readyState === EventSource.CLOSED ? "closed" : "connecting";
    status.textContent = source.readyState === EventSource.CLOSED ? "disconnected" : "reconnecting…";
  });
  source.addEventListener("hello", e => {
    document.getElementById("instance").textContent = `served by ${JSON.parse(e.data).instance}`;
  });
  source.addEventListener("story", e => { upsertStory(JSON.parse(e.data), true); loadEntitiesSoon(); });
  source.addEventListener("action", e => {
    const action = JSON.parse(e.data);
    upsertAction(action, actionTime(action, new Date().toISOString()), true);
  });
  source.addEventListener("alert", e => addAlert(JSON.parse(e.data), new Date().toISOString(), true));
  return source;
}

async function loadAll() {
  const [recent, acts, alertList] = await Promise.all([
    getJson(`/api/stories?limit=${MAX_STORIES}`).catch(() => []),
    getJson(`/api/actions?since=3650d&limit=${MAX_ACTIONS}`).catch(() => []),
    getJson(`/api/alerts?since=30d&limit=${MAX_ALERTS}`).catch(() => []),
  ]);
  recent.forEach(s => upsertStory(s, false));
  acts.forEach(a => upsertAction(a.value, a.time, false));
  alertList.forEach(a => addAlert(a.value, a.firstSeen, false));
  [stories, actions, alerts].forEach(showEmpty);
  await loadEntities();
}

range.addEventListener("change", loadEntities);
connect(); // first, so nothing published while the lists load is missed
loadAll();
setInterval(loadEntities, 30000);
