#!/usr/bin/env node
// Renders the demo's two "photos" (illustrations drawn in SVG) to JPEG with headless Chromium:
//   demo/images/seed-photo.jpg     1200×800  staff explaining job information to villagers
//   demo/images/english-photo.jpg  1200×675  a small blue-and-white ferry leaving the harbour at sunrise
// Everything is drawn here: no network, no stock photos. Run: node demo/images/source/render-images.mjs
// Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and puppeteer-core.

import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..');

// A seeded random, so every run draws the same picture.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const f = (n) => Math.round(n * 10) / 10;

// Film grain and a soft vignette: what makes flat shapes read as a photograph.
const finish = (w, h, grain = 0.07, vignette = 0.35) => `
  <filter id="grain" x="0" y="0" width="100%" height="100%">
    <feTurbulence type="fractalNoise" baseFrequency="0.85" numOctaves="2" seed="7" stitchTiles="stitch"/>
    <feColorMatrix values="0 0 0 0 0.5  0 0 0 0 0.5  0 0 0 0 0.5  0 0 0 ${grain * 9} -${grain * 4}"/>
  </filter>
  <radialGradient id="vignette" cx="50%" cy="48%" r="75%">
    <stop offset="55%" stop-color="#000" stop-opacity="0"/>
    <stop offset="100%" stop-color="#000" stop-opacity="${vignette}"/>
  </radialGradient>
  <g id="finish">
    <rect width="${w}" height="${h}" filter="url(#grain)" style="mix-blend-mode:overlay"/>
    <rect width="${w}" height="${h}" fill="url(#vignette)"/>
  </g>`;

/**
 * A person, feet at (x, y), `h` pixels tall. `facing`: 'back' (seen from behind) or 'front'.
 * Colours: shirt, pants, hair, skin; `vest` draws a volunteer vest; `hat` a cap or straw hat;
 * `arm`: 'down' | 'point' | 'leaflet' (right arm raised to a poster / holding a sheet).
 */
function person({x, y, h, facing = 'back', shirt, pants, hair = '#1d1a18', skin = '#c99a7a', vest, hat, arm = 'down', bag, flip = 1}) {
  const r = h * 0.068;
  const headY = y - h + r;
  const neckY = headY + r * 0.95;
  const shoulderY = neckY + h * 0.035;
  const hipY = y - h * 0.47;
  const sw = h * 0.135; // half shoulder width
  const ww = h * 0.105; // half waist width
  const legW = h * 0.075;
  const armW = h * 0.058;
  const armLen = h * 0.36;
  const parts = [];
  const S = (dx) => x + dx * flip;

  // legs and shoes
  for (const side of [-1, 1]) {
    const lx = x + side * ww * 0.5 - legW / 2;
    parts.push(`<rect x="${f(lx)}" y="${f(hipY - 2)}" width="${f(legW)}" height="${f(y - hipY - h * 0.02)}" rx="${f(legW * 0.4)}" fill="${pants}"/>`);
    parts.push(`<ellipse cx="${f(lx + legW / 2)}" cy="${f(y - h * 0.012)}" rx="${f(legW * 0.62)}" ry="${f(h * 0.018)}" fill="#222"/>`);
  }
  // hips
  parts.push(`<path d="M${f(x - ww)} ${f(hipY - h * 0.06)} L${f(x + ww)} ${f(hipY - h * 0.06)} L${f(x + ww * 1.02)} ${f(hipY + h * 0.05)} L${f(x - ww * 1.02)} ${f(hipY + h * 0.05)} Z" fill="${pants}"/>`);

  // arms behind the torso when hanging down
  const armDown = (side) => {
    const ax = x + side * (sw - armW * 0.35);
    const tilt = side * 6;
    return `<g transform="rotate(${tilt} ${f(ax)} ${f(shoulderY + armW * 0.4)})">
      <rect x="${f(ax - armW / 2)}" y="${f(shoulderY)}" width="${f(armW)}" height="${f(armLen)}" rx="${f(armW / 2)}" fill="${shirt}"/>
      <rect x="${f(ax - armW / 2)}" y="${f(shoulderY)}" width="${f(armW)}" height="${f(armLen)}" rx="${f(armW / 2)}" fill="url(#shade-side)"/>
      <circle cx="${f(ax)}" cy="${f(shoulderY + armLen + armW * 0.1)}" r="${f(armW * 0.55)}" fill="${skin}"/>
    </g>`;
  };
  parts.push(armDown(-1));
  if (arm === 'down') parts.push(armDown(1));

  // torso
  const torso = `M${f(x - sw)} ${f(shoulderY + h * 0.03)} Q${f(x - sw)} ${f(shoulderY)} ${f(x - sw + h * 0.03)} ${f(shoulderY)}
    L${f(x + sw - h * 0.03)} ${f(shoulderY)} Q${f(x + sw)} ${f(shoulderY)} ${f(x + sw)} ${f(shoulderY + h * 0.03)}
    L${f(x + ww * 1.05)} ${f(hipY)} L${f(x - ww * 1.05)} ${f(hipY)} Z`;
  parts.push(`<path d="${torso}" fill="${shirt}"/>`);
  if (vest) {
    parts.push(`<path d="M${f(x - sw + 1)} ${f(shoulderY + h * 0.03)} Q${f(x - sw)} ${f(shoulderY)} ${f(x - sw + h * 0.035)} ${f(shoulderY)}
      L${f(x - h * 0.025)} ${f(shoulderY)} L${f(x - h * 0.02)} ${f(hipY)} L${f(x - ww * 1.05)} ${f(hipY)} Z" fill="${vest}"/>`);
    parts.push(`<path d="M${f(x + sw - 1)} ${f(shoulderY + h * 0.03)} Q${f(x + sw)} ${f(shoulderY)} ${f(x + sw - h * 0.035)} ${f(shoulderY)}
      L${f(x + h * 0.025)} ${f(shoulderY)} L${f(x + h * 0.02)} ${f(hipY)} L${f(x + ww * 1.05)} ${f(hipY)} Z" fill="${vest}"/>`);
    if (facing === 'back') parts.push(`<rect x="${f(x - sw + 2)}" y="${f(shoulderY)}" width="${f(sw * 2 - 4)}" height="${f(hipY - shoulderY)}" fill="${vest}"/>`);
  }
  parts.push(`<path d="${torso}" fill="url(#shade-torso)"/>`);

  if (arm === 'point') {
    const ax = S(sw - armW * 0.4);
    parts.push(`<g transform="rotate(${-110 * flip} ${f(ax)} ${f(shoulderY + armW * 0.5)})">
      <rect x="${f(ax - armW / 2)}" y="${f(shoulderY)}" width="${f(armW)}" height="${f(armLen * 0.95)}" rx="${f(armW / 2)}" fill="${vest && facing === 'front' ? shirt : shirt}"/>
      <circle cx="${f(ax)}" cy="${f(shoulderY + armLen * 0.95 + armW * 0.1)}" r="${f(armW * 0.55)}" fill="${skin}"/>
    </g>`);
  } else if (arm === 'leaflet') {
    const ax = S(sw - armW * 0.4);
    parts.push(`<g transform="rotate(${-55 * flip} ${f(ax)} ${f(shoulderY + armW * 0.5)})">
      <rect x="${f(ax - armW / 2)}" y="${f(shoulderY)}" width="${f(armW)}" height="${f(armLen * 0.75)}" rx="${f(armW / 2)}" fill="${shirt}"/>
    </g>`);
    const hx = S(sw + armLen * 0.55);
    const hy = shoulderY + armLen * 0.38;
    parts.push(`<rect x="${f(hx - h * 0.06)}" y="${f(hy - h * 0.08)}" width="${f(h * 0.12)}" height="${f(h * 0.16)}" fill="#f4f1ea" transform="rotate(${-8 * flip} ${f(hx)} ${f(hy)})"/>`);
    parts.push(`<rect x="${f(hx - h * 0.045)}" y="${f(hy - h * 0.065)}" width="${f(h * 0.09)}" height="${f(h * 0.02)}" fill="#c8322b" transform="rotate(${-8 * flip} ${f(hx)} ${f(hy)})"/>`);
    parts.push(`<circle cx="${f(hx - h * 0.05 * flip)}" cy="${f(hy + h * 0.02)}" r="${f(armW * 0.55)}" fill="${skin}"/>`);
  }
  if (bag) {
    parts.push(`<path d="M${f(S(-sw * 0.2))} ${f(shoulderY)} L${f(S(sw * 1.15))} ${f(hipY - h * 0.02)}" stroke="#3a2c22" stroke-width="${f(h * 0.012)}" fill="none"/>`);
    parts.push(`<rect x="${f(S(sw * 0.9) - h * 0.06)}" y="${f(hipY - h * 0.06)}" width="${f(h * 0.12)}" height="${f(h * 0.1)}" rx="${f(h * 0.015)}" fill="${bag}"/>`);
  }

  // neck and head
  parts.push(`<rect x="${f(x - r * 0.45)}" y="${f(headY + r * 0.5)}" width="${f(r * 0.9)}" height="${f(shoulderY - headY - r * 0.3)}" fill="${skin}"/>`);
  if (facing === 'back') {
    parts.push(`<ellipse cx="${f(x - r * 0.98)}" cy="${f(headY + r * 0.15)}" rx="${f(r * 0.16)}" ry="${f(r * 0.26)}" fill="${skin}"/>`);
    parts.push(`<ellipse cx="${f(x + r * 0.98)}" cy="${f(headY + r * 0.15)}" rx="${f(r * 0.16)}" ry="${f(r * 0.26)}" fill="${skin}"/>`);
    parts.push(`<ellipse cx="${f(x)}" cy="${f(headY)}" rx="${f(r)}" ry="${f(r * 1.08)}" fill="${hair}"/>`);
  } else {
    parts.push(`<ellipse cx="${f(x)}" cy="${f(headY)}" rx="${f(r * 0.92)}" ry="${f(r * 1.08)}" fill="${skin}"/>`);
    parts.push(`<path d="M${f(x - r * 0.98)} ${f(headY + r * 0.1)} Q${f(x - r * 1.05)} ${f(headY - r * 1.2)} ${f(x)} ${f(headY - r * 1.12)} Q${f(x + r * 1.05)} ${f(headY - r * 1.2)} ${f(x + r * 0.98)} ${f(headY + r * 0.1)} Q${f(x + r * 0.7)} ${f(headY - r * 0.55)} ${f(x)} ${f(headY - r * 0.5)} Q${f(x - r * 0.7)} ${f(headY - r * 0.55)} ${f(x - r * 0.98)} ${f(headY + r * 0.1)} Z" fill="${hair}"/>`);
    for (const side of [-1, 1]) {
      parts.push(`<ellipse cx="${f(x + side * r * 0.36)}" cy="${f(headY + r * 0.05)}" rx="${f(r * 0.08)}" ry="${f(r * 0.1)}" fill="#2a1f1a" opacity="0.8"/>`);
    }
    parts.push(`<path d="M${f(x - r * 0.22)} ${f(headY + r * 0.55)} q${f(r * 0.22)} ${f(r * 0.12)} ${f(r * 0.44)} 0" stroke="#8a4a3a" stroke-width="${f(r * 0.07)}" fill="none" opacity="0.7"/>`);
  }
  parts.push(`<ellipse cx="${f(x)}" cy="${f(headY)}" rx="${f(r)}" ry="${f(r * 1.08)}" fill="url(#shade-head)"/>`);
  if (hat === 'cap') {
    parts.push(`<path d="M${f(x - r * 1.02)} ${f(headY - r * 0.15)} Q${f(x)} ${f(headY - r * 1.55)} ${f(x + r * 1.02)} ${f(headY - r * 0.15)} Z" fill="#3b4a5a"/>`);
  } else if (hat === 'straw') {
    parts.push(`<ellipse cx="${f(x)}" cy="${f(headY - r * 0.35)}" rx="${f(r * 1.9)}" ry="${f(r * 0.42)}" fill="#d9bf7f"/>`);
    parts.push(`<path d="M${f(x - r * 0.95)} ${f(headY - r * 0.35)} Q${f(x)} ${f(headY - r * 1.7)} ${f(x + r * 0.95)} ${f(headY - r * 0.35)} Z" fill="#e2c98c"/>`);
    parts.push(`<path d="M${f(x - r * 0.93)} ${f(headY - r * 0.45)} L${f(x + r * 0.93)} ${f(headY - r * 0.45)}" stroke="#8a6b3a" stroke-width="${f(r * 0.18)}"/>`);
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Seed: county human-resources staff at a roadside table explain job information to villagers.
function seedScene() {
  const W = 1200;
  const H = 800;
  const rand = rng(20140619);
  const defs = `
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#9cc3e4"/><stop offset="1" stop-color="#e4eef4"/>
    </linearGradient>
    <linearGradient id="ground" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#b9b4aa"/><stop offset="0.5" stop-color="#a7a196"/><stop offset="1" stop-color="#8d877c"/>
    </linearGradient>
    <linearGradient id="facade" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#ece8df"/><stop offset="1" stop-color="#d8d3c8"/>
    </linearGradient>
    <linearGradient id="canopy" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#3f7fc4"/><stop offset="1" stop-color="#1f5a9c"/>
    </linearGradient>
    <linearGradient id="cloth" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#c7302a"/><stop offset="1" stop-color="#8f1c18"/>
    </linearGradient>
    <linearGradient id="shade-torso" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#000" stop-opacity="0.22"/><stop offset="0.45" stop-color="#000" stop-opacity="0"/>
      <stop offset="0.7" stop-color="#fff" stop-opacity="0.08"/><stop offset="1" stop-color="#000" stop-opacity="0.12"/>
    </linearGradient>
    <linearGradient id="shade-side" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#000" stop-opacity="0.18"/><stop offset="1" stop-color="#000" stop-opacity="0"/>
    </linearGradient>
    <radialGradient id="shade-head" cx="62%" cy="35%" r="70%">
      <stop offset="0" stop-color="#fff" stop-opacity="0.16"/><stop offset="1" stop-color="#000" stop-opacity="0.18"/>
    </radialGradient>
    <radialGradient id="leaves" cx="40%" cy="35%" r="65%">
      <stop offset="0" stop-color="#7fa356"/><stop offset="1" stop-color="#3f6b2e"/>
    </radialGradient>
    <filter id="far" x="-5%" y="-5%" width="110%" height="110%"><feGaussianBlur stdDeviation="2.2"/></filter>
    <filter id="mid" x="-5%" y="-5%" width="110%" height="110%"><feGaussianBlur stdDeviation="0.7"/></filter>
    <filter id="near" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="2.6"/></filter>
    <filter id="soft" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="9"/></filter>
    ${finish(W, H, 0.08, 0.32)}`;

  // Background: a row of tiled township buildings with shop signs, slightly out of focus.
  const bg = [];
  const blocks = [
    {x: -20, w: 330, top: 40, color: '#efece4', sign: '便民超市', signColor: '#b6272b'},
    {x: 310, w: 300, top: 10, color: '#e6e1d6', sign: '农资服务站', signColor: '#1f6a3f'},
    {x: 610, w: 320, top: 55, color: '#f1eee8', sign: '县人社局便民服务点', signColor: '#1e5aa0'},
    {x: 930, w: 300, top: 25, color: '#e3ddd0', sign: '平价药房', signColor: '#1f7a6b'},
  ];
  for (const b of blocks) {
    bg.push(`<rect x="${b.x}" y="${b.top}" width="${b.w}" height="${440 - b.top}" fill="${b.color}"/>`);
    bg.push(`<rect x="${b.x}" y="${b.top}" width="${b.w}" height="${440 - b.top}" fill="url(#facade)" opacity="0.5"/>`);
    bg.push(`<rect x="${b.x - 4}" y="${b.top - 8}" width="${b.w + 8}" height="10" fill="#c9c2b4"/>`);
    for (let row = 0; row < 3; row++) {
      const wy = b.top + 30 + row * 88;
      if (wy > 300) break;
      for (let col = 0; col < 3; col++) {
        const wx = b.x + 28 + col * ((b.w - 56) / 3);
        const ww = (b.w - 56) / 3 - 26;
        bg.push(`<rect x="${f(wx)}" y="${wy}" width="${f(ww)}" height="54" fill="#6f8da3"/>`);
        bg.push(`<rect x="${f(wx)}" y="${wy}" width="${f(ww)}" height="54" fill="#dfe9ef" opacity="${f(0.15 + rand() * 0.25)}"/>`);
        bg.push(`<rect x="${f(wx + ww / 2 - 1)}" y="${wy}" width="2" height="54" fill="#e9e6df"/>`);
        bg.push(`<rect x="${f(wx - 4)}" y="${wy + 54}" width="${f(ww + 8)}" height="5" fill="#cfc8ba"/>`);
        if (rand() > 0.6) bg.push(`<rect x="${f(wx + 3)}" y="${wy + 4}" width="${f(ww * 0.45)}" height="46" fill="#c9b48f" opacity="0.7"/>`);
      }
    }
    // shop sign and shopfront
    bg.push(`<rect x="${b.x + 14}" y="312" width="${b.w - 28}" height="46" fill="${b.signColor}"/>`);
    bg.push(`<text x="${b.x + b.w / 2}" y="345" font-family="Noto Sans CJK SC" font-weight="700" font-size="27" fill="#fff" text-anchor="middle" letter-spacing="4">${b.sign}</text>`);
    bg.push(`<rect x="${b.x + 20}" y="362" width="${b.w - 40}" height="78" fill="#4c5a63"/>`);
    bg.push(`<rect x="${b.x + 20}" y="362" width="${b.w - 40}" height="78" fill="#a9bcc6" opacity="0.35"/>`);
    for (let i = 1; i < 4; i++) bg.push(`<rect x="${f(b.x + 20 + (i * (b.w - 40)) / 4)}" y="362" width="3" height="78" fill="#ddd"/>`);
  }
  // a plane tree on the left, power line
  const tree = [];
  tree.push(`<path d="M92 445 C96 380 88 330 100 270 L116 270 C124 330 114 380 120 445 Z" fill="#6b5640"/>`);
  for (let i = 0; i < 26; i++) {
    const cx = 105 + (rand() - 0.5) * 220;
    const cy = 190 + (rand() - 0.5) * 150;
    const rr = 40 + rand() * 45;
    tree.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(rr)}" fill="url(#leaves)" opacity="0.93"/>`);
  }
  tree.push(`<path d="M-10 92 Q600 140 1210 78" stroke="#333" stroke-width="1.6" fill="none" opacity="0.55"/>`);
  tree.push(`<path d="M-10 104 Q600 152 1210 90" stroke="#333" stroke-width="1.2" fill="none" opacity="0.45"/>`);

  // Ground, with a kerb line and the shadow of the canopy.
  const ground = `
    <rect x="0" y="440" width="${W}" height="${H - 440}" fill="url(#ground)"/>
    <rect x="0" y="440" width="${W}" height="10" fill="#d2cdc2"/>
    <rect x="0" y="450" width="${W}" height="4" fill="#8d877b" opacity="0.6"/>
    <ellipse cx="640" cy="610" rx="470" ry="70" fill="#3b352d" opacity="0.35" filter="url(#soft)"/>`;

  // Canopy tent with valance lettering, legs and a banner behind the table.
  const tent = `
    <g>
      <rect x="232" y="262" width="8" height="350" fill="#a9adb1"/>
      <rect x="1040" y="262" width="8" height="350" fill="#a9adb1"/>
      <rect x="330" y="262" width="6" height="260" fill="#8d9196"/>
      <rect x="946" y="262" width="6" height="260" fill="#8d9196"/>
      <path d="M220 262 L360 150 L920 150 L1060 262 Z" fill="url(#canopy)"/>
      <path d="M360 150 L640 128 L920 150 Z" fill="#5a96d6"/>
      <path d="M220 262 L360 150 L400 150 L290 262 Z" fill="#fff" opacity="0.08"/>
      <rect x="216" y="258" width="848" height="50" fill="#1d5597"/>
      <path d="M216 308 ${Array.from({length: 17}, (_, i) => `Q${f(216 + i * 49.9 + 25)} 318 ${f(216 + (i + 1) * 49.9)} 308`).join(' ')} Z" fill="#1d5597"/>
      <text x="640" y="295" font-family="Noto Sans CJK SC" font-weight="700" font-size="29" fill="#fff" text-anchor="middle" letter-spacing="6">县人力资源和社会保障局</text>
      <rect x="340" y="330" width="600" height="62" fill="#c42b25"/>
      <rect x="340" y="330" width="600" height="62" fill="#fff" opacity="0.05"/>
      <text x="640" y="374" font-family="Noto Sans CJK SC" font-weight="700" font-size="32" fill="#fde7a8" text-anchor="middle" letter-spacing="6">春风行动</text>
    </g>`;

  // Poster boards on easels: job listings.
  const poster = (x, y, w, h, title, accent) => {
    const lines = [];
    const r2 = rng(x * 7 + y);
    for (let i = 0; i < 9; i++) {
      const ly = y + 78 + i * ((h - 100) / 9);
      lines.push(`<rect x="${x + 14}" y="${f(ly)}" width="${f(w * 0.28)}" height="7" fill="${accent}" opacity="0.75"/>`);
      lines.push(`<rect x="${f(x + 22 + w * 0.28)}" y="${f(ly)}" width="${f((w - 50 - w * 0.28) * (0.55 + r2() * 0.45))}" height="7" fill="#6d6d6d" opacity="0.55"/>`);
    }
    return `<g>
      <path d="M${x + w * 0.2} ${y + h} L${x + w * 0.1} ${y + h + 120} M${x + w * 0.8} ${y + h} L${x + w * 0.9} ${y + h + 120} M${x + w / 2} ${y + h - 10} L${x + w / 2 + 18} ${y + h + 112}" stroke="#6b5a45" stroke-width="6"/>
      <rect x="${x + 4}" y="${y + 6}" width="${w}" height="${h}" fill="#000" opacity="0.18"/>
      <rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#faf8f3"/>
      <rect x="${x}" y="${y}" width="${w}" height="54" fill="${accent}"/>
      <text x="${x + w / 2}" y="${y + 38}" font-family="Noto Sans CJK SC" font-weight="900" font-size="30" fill="#fff" text-anchor="middle" letter-spacing="4">${title}</text>
      ${lines.join('\n')}
      <rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#shade-side)" opacity="0.4"/>
    </g>`;
  };

  // Staff behind the table (front view), then the table, then villagers seen from behind.
  const staff = [
    person({x: 460, y: 610, h: 310, facing: 'front', shirt: '#f3f3f0', pants: '#2b2f3a', vest: '#d23a2c', hair: '#171412', skin: '#d1a283'}),
    person({x: 815, y: 610, h: 300, facing: 'front', shirt: '#e9eef4', pants: '#2b2f3a', vest: '#d23a2c', hair: '#241c17', skin: '#c8977a', arm: 'leaflet', flip: -1}),
    person({x: 975, y: 690, h: 345, facing: 'front', shirt: '#f5f5f2', pants: '#30343d', hair: '#161311', skin: '#c69274', arm: 'point'}),
  ];
  const table = `
    <rect x="370" y="520" width="540" height="14" fill="#b52822"/>
    <path d="M366 528 L914 528 L920 640 L360 640 Z" fill="url(#cloth)"/>
    ${Array.from({length: 11}, (_, i) => `<path d="M${380 + i * 50} 534 L${376 + i * 50} 640" stroke="#6d120f" stroke-width="3" opacity="0.35"/>`).join('')}
    <text x="445" y="598" font-family="Noto Sans CJK SC" font-weight="700" font-size="30" fill="#fde7a8" text-anchor="middle" letter-spacing="3">就业服务</text>
    <text x="738" y="598" font-family="Noto Sans CJK SC" font-weight="700" font-size="30" fill="#fde7a8" text-anchor="middle" letter-spacing="3">用工咨询</text>
    <rect x="420" y="506" width="90" height="16" fill="#f6f4ee" transform="rotate(-3 465 514)"/>
    <rect x="430" y="500" width="90" height="16" fill="#fbfaf6" transform="rotate(2 475 508)"/>
    <rect x="600" y="504" width="120" height="18" fill="#f2efe7"/>
    <rect x="604" y="498" width="112" height="8" fill="#c84a3e"/>
    <rect x="800" y="470" width="18" height="52" rx="5" fill="#cfe3ef" opacity="0.85"/>
    <rect x="800" y="470" width="18" height="10" fill="#2a6fb5"/>
    <rect x="842" y="488" width="40" height="34" fill="#2f6fb4"/>
    <rect x="846" y="492" width="32" height="6" fill="#fff" opacity="0.8"/>`;

  const villagers = [
    person({x: 285, y: 880, h: 430, shirt: '#5f7e9a', pants: '#3b3a38', hair: '#2a2623', skin: '#b98666', hat: 'straw'}),
    person({x: 585, y: 905, h: 470, shirt: '#b24e3a', pants: '#2f3136', hair: '#1b1917', skin: '#c59071', bag: '#6b4b33'}),
    person({x: 885, y: 890, h: 440, shirt: '#7d7a52', pants: '#3a3936', hair: '#8c8c88', skin: '#b7835f', hat: 'cap'}),
  ];
  const passerby = person({x: 1120, y: 470, h: 120, facing: 'front', shirt: '#d4b35c', pants: '#444', hair: '#1b1917'});
  const bicycle = `<g opacity="0.85" stroke="#2d2d2d" stroke-width="3" fill="none">
    <circle cx="1140" cy="452" r="18"/><circle cx="1192" cy="452" r="18"/><path d="M1140 452 L1160 430 L1186 430 L1192 452 M1160 430 L1170 452 L1186 430"/></g>`;

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
    <defs>${defs}</defs>
    <rect width="${W}" height="${H}" fill="url(#sky)"/>
    <g filter="url(#far)">${bg.join('\n')}${passerby}${bicycle}</g>
    <g filter="url(#far)">${tree.join('\n')}</g>
    ${ground}
    <g filter="url(#mid)">
      ${tent}
      ${poster(60, 360, 190, 250, '招聘信息', '#c42b25')}
      ${poster(1010, 300, 170, 230, '岗位推荐', '#1e5aa0')}
      ${staff.join('\n')}
      ${table}
    </g>
    <g filter="url(#near)">${villagers.join('\n')}</g>
    <rect width="${W}" height="${H}" fill="#ffd9a0" opacity="0.06"/>
    <use href="#finish"/>
  </svg>`;
}

// ---------------------------------------------------------------------------------------------------
// English: a small blue-and-white ferry leaves the harbour wall at sunrise.
function harbourScene() {
  const W = 1200;
  const H = 675;
  const rand = rng(1887);
  const horizon = 388;
  const sunX = 850;
  const sunY = 360;
  const defs = `
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2e3f6b"/><stop offset="0.38" stop-color="#6f6c98"/>
      <stop offset="0.72" stop-color="#e69a7e"/><stop offset="1" stop-color="#ffd49a"/>
    </linearGradient>
    <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#f0b287"/><stop offset="0.18" stop-color="#a9879a"/>
      <stop offset="0.55" stop-color="#4e5f86"/><stop offset="1" stop-color="#1f2a4a"/>
    </linearGradient>
    <radialGradient id="sun" cx="${sunX}" cy="${sunY}" r="340" gradientUnits="userSpaceOnUse">
      <stop offset="0" stop-color="#fff6d8" stop-opacity="1"/><stop offset="0.08" stop-color="#ffe2a0" stop-opacity="0.9"/>
      <stop offset="0.35" stop-color="#ffb77a" stop-opacity="0.35"/><stop offset="1" stop-color="#ff9a6a" stop-opacity="0"/>
    </radialGradient>
    <linearGradient id="glitter" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#ffe7b0" stop-opacity="0.95"/><stop offset="1" stop-color="#ffcf8a" stop-opacity="0.15"/>
    </linearGradient>
    <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#5d4e55"/><stop offset="1" stop-color="#2b2632"/>
    </linearGradient>
    <linearGradient id="hull" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2c5aa8"/><stop offset="1" stop-color="#183a74"/>
    </linearGradient>
    <linearGradient id="cabin" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#d9d4dc"/><stop offset="0.7" stop-color="#fbefe4"/><stop offset="1" stop-color="#ffe6c8"/>
    </linearGradient>
    <filter id="haze"><feGaussianBlur stdDeviation="2.5"/></filter>
    <filter id="glow" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="6"/></filter>
    <filter id="reflect"><feGaussianBlur stdDeviation="1.5 4"/></filter>
    <filter id="soft"><feGaussianBlur stdDeviation="0.6"/></filter>
    <clipPath id="below"><rect x="0" y="${horizon}" width="${W}" height="${H - horizon}"/></clipPath>
    ${finish(W, H, 0.07, 0.42)}`;

  // Clouds: long, thin, lit from below.
  const clouds = [];
  for (let i = 0; i < 9; i++) {
    const cy = 70 + rand() * 230;
    const cx = rand() * W;
    const w = 160 + rand() * 320;
    const warm = cy > 200;
    clouds.push(`<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(w)}" ry="${f(6 + rand() * 12)}" fill="${warm ? '#f7b98f' : '#a88aa6'}" opacity="${f(0.35 + rand() * 0.3)}" filter="url(#glow)"/>`);
  }

  // Far headlands and a town on the far shore.
  const far = `
    <path d="M0 ${horizon} L0 328 C90 316 160 300 250 306 C330 312 380 334 450 346 C520 356 560 370 600 ${horizon} Z" fill="#6b5c7c" opacity="0.85"/>
    <path d="M1200 ${horizon} L1200 340 C1120 332 1060 344 1000 360 C960 370 940 380 920 ${horizon} Z" fill="#7a6582" opacity="0.8"/>
    ${Array.from({length: 22}, (_, i) => {
      const x = 40 + i * 17 + rand() * 6;
      const hh = 8 + rand() * 14;
      const y = 330 + (i * 1.4) - hh;
      return `<rect x="${f(x)}" y="${f(y)}" width="${f(10 + rand() * 6)}" height="${f(hh)}" fill="#5a4c6c" opacity="0.9"/>`;
    }).join('')}
    <rect x="236" y="276" width="6" height="40" fill="#55486a"/><path d="M232 278 L239 262 L246 278 Z" fill="#55486a"/>`;

  // Sun path on the water: short horizontal strokes, denser near the sun's axis.
  const glitter = [];
  for (let i = 0; i < 260; i++) {
    const t = rand();
    const y = horizon + 4 + t * t * (H - horizon - 10);
    const spread = 14 + (y - horizon) * 0.55;
    const x = sunX + (rand() + rand() + rand() - 1.5) * spread;
    const w = 6 + rand() * (14 + (y - horizon) * 0.12);
    glitter.push(`<rect x="${f(x - w / 2)}" y="${f(y)}" width="${f(w)}" height="${f(1 + (y - horizon) * 0.012)}" fill="url(#glitter)" opacity="${f(0.35 + rand() * 0.6)}"/>`);
  }
  // Ripples across the whole sea.
  const ripples = [];
  for (let i = 0; i < 140; i++) {
    const t = rand();
    const y = horizon + 6 + t * t * (H - horizon);
    const x = rand() * W;
    const w = 20 + (y - horizon) * (0.3 + rand() * 0.5);
    ripples.push(`<path d="M${f(x)} ${f(y)} q${f(w / 2)} ${f(-1.5 - (y - horizon) * 0.01)} ${f(w)} 0" stroke="${rand() > 0.5 ? '#ffc79a' : '#24335a'}" stroke-width="${f(0.8 + (y - horizon) * 0.008)}" fill="none" opacity="${f(0.18 + rand() * 0.25)}"/>`);
  }

  // The ferry, heading right, with its wake.
  const fx = 0;
  const fy = 0; // waterline, local coordinates
  const place = {x: 700, y: 492, s: 1.25};
  const ferryBody = `
      <path d="M${fx - 50} ${fy - 26} L${fx + 168} ${fy - 26} L${fx + 150} ${fy + 2} L${fx - 40} ${fy + 2} Q${fx - 52} ${fy - 10} ${fx - 50} ${fy - 26} Z" fill="url(#hull)"/>
      <rect x="${fx - 50}" y="${fy - 30}" width="218" height="6" fill="#f4efe8"/>
      <rect x="${fx - 48}" y="${fy - 16}" width="205" height="4" fill="#f4efe8" opacity="0.85"/>
      <path d="M${fx - 26} ${fy - 30} L${fx - 22} ${fy - 64} L${fx + 118} ${fy - 64} L${fx + 134} ${fy - 30} Z" fill="url(#cabin)"/>
      ${Array.from({length: 8}, (_, i) => `<rect x="${fx - 14 + i * 16}" y="${fy - 55}" width="11" height="12" rx="2" fill="#2d3f63"/>`).join('')}
      <path d="M${fx + 30} ${fy - 64} L${fx + 34} ${fy - 86} L${fx + 96} ${fy - 86} L${fx + 108} ${fy - 64} Z" fill="#f7ece2"/>
      <rect x="${fx + 40}" y="${fy - 80}" width="56" height="9" rx="2" fill="#2d3f63"/>
      <rect x="${fx + 28}" y="${fy - 90}" width="84" height="5" fill="#2c5aa8"/>
      <rect x="${fx + 4}" y="${fy - 98}" width="14" height="34" fill="#2c5aa8"/>
      <rect x="${fx + 4}" y="${fy - 98}" width="14" height="6" fill="#1a1f2e"/>
      <path d="M${fx + 72} ${fy - 90} L${fx + 72} ${fy - 128}" stroke="#3a3a44" stroke-width="2.5"/>
      <path d="M${fx + 72} ${fy - 126} L${fx + 92} ${fy - 118} L${fx + 72} ${fy - 112} Z" fill="#c9373a"/>
      <path d="M${fx - 40} ${fy - 30} L${fx + 72} ${fy - 126} L${fx + 168} ${fy - 30}" stroke="#3a3a44" stroke-width="0.8" fill="none" opacity="0.6"/>
      <text x="${fx + 60}" y="${fy - 4}" font-family="DejaVu Sans, sans-serif" font-weight="700" font-size="11" fill="#eef3ff" letter-spacing="2" opacity="0.9">GULL</text>
      <path d="M${fx + 110} ${fy - 30} L${fx + 134} ${fy - 30} L${fx + 118} ${fy - 64}" fill="#fff" opacity="0.25"/>
      <path d="M${fx - 50} ${fy - 26} L${fx + 168} ${fy - 26} L${fx + 150} ${fy + 2} L${fx - 40} ${fy + 2} Z" fill="#2a1d3a" opacity="0.18"/>`;
  const wake = `
      <path d="M${fx - 40} ${fy + 4} C${fx - 140} ${fy + 12} ${fx - 260} ${fy + 30} ${fx - 380} ${fy + 58}" stroke="#fff1de" stroke-width="3" fill="none" opacity="0.55" filter="url(#soft)"/>
      <path d="M${fx - 30} ${fy + 1} C${fx - 140} ${fy - 4} ${fx - 240} ${fy - 8} ${fx - 330} ${fy - 10}" stroke="#fff1de" stroke-width="2" fill="none" opacity="0.4" filter="url(#soft)"/>
      <path d="M${fx - 60} ${fy + 2} L${fx + 150} ${fy + 2}" stroke="#fff3e2" stroke-width="5" opacity="0.7" filter="url(#soft)"/>
      <path d="M${fx + 150} ${fy + 1} q14 -4 26 2" stroke="#fff3e2" stroke-width="3" fill="none" opacity="0.8" filter="url(#soft)"/>`;
  const at = `translate(${place.x} ${place.y}) scale(${place.s})`;
  const ferry = `<g transform="${at}">${wake}${ferryBody}</g>`;
  const ferryReflection = `<g clip-path="url(#below)" opacity="0.3" filter="url(#reflect)">
    <g transform="${at} scale(1 -1) translate(0 -4)">${ferryBody}</g></g>`;

  // The harbour wall: a stone pier in the foreground with a little lighthouse at its end.
  const stones = [];
  for (let row = 0; row < 6; row++) {
    for (let i = 0; i < 16; i++) {
      const x = i * 38 + (row % 2) * 19 - 20;
      const top = 520 - x * 0.14 + row * 22;
      stones.push(`<rect x="${f(x)}" y="${f(top)}" width="36" height="20" rx="3" fill="#${['3f363f', '463c45', '39313a', '4b4049'][Math.floor(rand() * 4)]}"/>`);
    }
  }
  const wall = `
    <path d="M0 498 L640 424 L660 428 L660 446 L0 560 Z" fill="#7b6870"/>
    <path d="M0 498 L640 424 L650 426 L0 506 Z" fill="#e7a883" opacity="0.55"/>
    <path d="M0 506 L650 428 L660 446 L0 ${H} Z" fill="url(#wall)"/>
    <g clip-path="url(#wallclip)">${stones.join('')}</g>
    <clipPath id="wallclip"><path d="M0 508 L650 430 L660 446 L0 ${H} Z"/></clipPath>
    <rect x="608" y="336" width="24" height="92" fill="#efe6e0"/>
    <rect x="608" y="360" width="24" height="14" fill="#b83a3a"/>
    <rect x="608" y="396" width="24" height="14" fill="#b83a3a"/>
    <rect x="604" y="326" width="32" height="12" fill="#333"/>
    <rect x="612" y="312" width="16" height="14" fill="#ffe3a0"/>
    <circle cx="620" cy="318" r="14" fill="#ffe7ad" opacity="0.7" filter="url(#glow)"/>
    <path d="M602 312 L620 298 L638 312 Z" fill="#3b3036"/>
    <rect x="608" y="336" width="8" height="92" fill="#000" opacity="0.25"/>
    ${Array.from({length: 7}, (_, i) => `<rect x="${60 + i * 80}" y="${f(485 - (60 + i * 80) * 0.115 - 14)}" width="5" height="16" fill="#2b2530"/>`).join('')}
    <path d="M0 492 L640 418" stroke="#2b2530" stroke-width="2" opacity="0.8"/>
    <g transform="translate(180 447)">
      <rect x="-4" y="-42" width="8" height="28" rx="3" fill="#2a2430"/>
      <circle cx="0" cy="-48" r="6" fill="#2a2430"/>
      <rect x="-5" y="-16" width="4" height="18" fill="#2a2430"/><rect x="1" y="-16" width="4" height="18" fill="#2a2430"/>
      <path d="M4 -36 L18 -30" stroke="#2a2430" stroke-width="3"/>
    </g>
    <g transform="translate(206 444)">
      <rect x="-3.5" y="-36" width="7" height="24" rx="3" fill="#2a2430"/>
      <circle cx="0" cy="-41" r="5" fill="#2a2430"/>
      <rect x="-4" y="-14" width="3.5" height="15" fill="#2a2430"/><rect x="0.5" y="-14" width="3.5" height="15" fill="#2a2430"/>
    </g>`;

  // Gulls.
  const gulls = [
    [300, 150, 1.2], [345, 172, 0.9], [930, 210, 0.8], [1010, 120, 1.4], [720, 250, 0.6],
  ].map(([x, y, s]) => `<path d="M${x - 14 * s} ${y} q${7 * s} ${-8 * s} ${14 * s} 0 q${7 * s} ${-8 * s} ${14 * s} 0" stroke="#2c2633" stroke-width="${f(2 * s)}" fill="none" stroke-linecap="round"/>`);

  // Moored boats near the far shore.
  const moored = [[980, 392, 0.8], [1060, 395, 1], [150, 392, 0.7]].map(
    ([x, y, s]) => `<g transform="translate(${x} ${y}) scale(${s})" opacity="0.85"><path d="M-24 0 L24 0 L18 8 L-18 8 Z" fill="#3b3148"/><path d="M0 0 L0 -38 M0 -36 L16 -4" stroke="#3b3148" stroke-width="1.6"/></g>`,
  );

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
    <defs>${defs}</defs>
    <rect width="${W}" height="${horizon}" fill="url(#sky)"/>
    <rect width="${W}" height="${horizon}" fill="url(#sun)"/>
    ${clouds.join('')}
    <circle cx="${sunX}" cy="${sunY}" r="34" fill="#fff4d6"/>
    <circle cx="${sunX}" cy="${sunY}" r="52" fill="#ffe7b0" opacity="0.55" filter="url(#glow)"/>
    <g filter="url(#haze)">${far}</g>
    <rect y="${horizon}" width="${W}" height="${H - horizon}" fill="url(#sea)"/>
    <rect y="${horizon - 2}" width="${W}" height="6" fill="#ffd9a8" opacity="0.6" filter="url(#glow)"/>
    ${moored.join('')}
    ${ripples.join('')}
    ${glitter.join('')}
    ${ferryReflection}
    ${ferry}
    ${wall}
    ${gulls.join('')}
    <rect width="${W}" height="${H}" fill="#ff9d5c" opacity="0.06"/>
    <use href="#finish"/>
  </svg>`;
}

const scenes = [
  {name: 'seed-photo', width: 1200, height: 800, svg: seedScene()},
  {name: 'english-photo', width: 1200, height: 675, svg: harbourScene()},
];

const profile = mkdtempSync(join(tmpdir(), 'news-elements-images-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  userDataDir: profile,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
});
try {
  const page = await browser.newPage();
  for (const {name, width, height, svg} of scenes) {
    if (process.argv.includes('--svg')) writeFileSync(join(here, `${name}.svg`), svg);
    await page.setViewport({width, height, deviceScaleFactor: 1});
    await page.setContent(`<!doctype html><style>html,body{margin:0;overflow:hidden}svg{display:block}</style>${svg}`);
    await page.evaluate(() => document.fonts.ready);
    const file = join(out, `${name}.jpg`);
    await page.screenshot({path: file, type: 'jpeg', quality: 80, clip: {x: 0, y: 0, width, height}});
    console.log(`${file}: ${width}×${height}, ${Math.round(statSync(file).size / 1024)} KB`);
    // --preview=DIR: also a PNG of the JPEG as encoded, for image viewers that show only PNG.
    const preview = process.argv.find((a) => a.startsWith('--preview='))?.slice(10);
    if (preview) {
      const jpeg = (await import('node:fs')).readFileSync(file).toString('base64');
      await page.setContent(`<!doctype html><style>html,body{margin:0}img{display:block}</style><img src="data:image/jpeg;base64,${jpeg}">`);
      await page.evaluate(() => document.querySelector('img').decode());
      await page.screenshot({path: join(preview, `${name}.png`), clip: {x: 0, y: 0, width, height}});
    }
  }
} finally {
  await browser.close();
  rmSync(profile, {recursive: true, force: true});
}
