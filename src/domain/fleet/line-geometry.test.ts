import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineGeometryProblem } from './line-geometry.ts';

describe('a river segment’s centre line', () => {
  const ok = [
    {
      type: 'LineString',
      coordinates: [
        [120.8, 31.3],
        [120.81, 31.3],
        [120.82, 31.31],
      ],
    },
    // A moat: a closed loop.
    {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [0.01, 0],
        [0.01, 0.01],
        [0, 0.01],
        [0, 0],
      ],
    },
    // Two reaches meeting at one point.
    {
      type: 'MultiLineString',
      coordinates: [
        [
          [120.8, 31.3],
          [120.81, 31.3],
        ],
        [
          [120.81, 31.3],
          [120.81, 31.32],
        ],
      ],
    },
  ];
  for (const g of ok) {
    it(`takes ${JSON.stringify(g).slice(0, 60)}`, () => assert.equal(lineGeometryProblem(g), undefined));
  }

  const bad: [unknown, RegExp][] = [
    [null, /must be a GeoJSON LineString or MultiLineString/],
    [{ type: 'Polygon', coordinates: [] }, /type must be "LineString" or "MultiLineString", not "Polygon"/],
    [
      { type: 'LineString', coordinates: [[120.8, 31.3]] },
      /coordinates has 1 position\(s\); a line needs at least 2/,
    ],
    [
      {
        type: 'LineString',
        coordinates: [
          [120.8, 91],
          [120.81, 31.3],
        ],
      },
      /coordinates\[0\] latitude 91 is outside -90..90/,
    ],
    [
      {
        type: 'LineString',
        coordinates: [
          [31.3, 120.8],
          [31.3, 120.81],
        ],
      },
      /latitude 120.8 is outside/,
    ],
    [
      {
        type: 'LineString',
        coordinates: [
          [181, 31.3],
          [120.81, 31.3],
        ],
      },
      /longitude 181 is outside -180..180/,
    ],
    [
      {
        type: 'LineString',
        coordinates: [
          ['120.8', 31.3],
          [120.81, 31.3],
        ],
      },
      /must hold two numbers/,
    ],
    [
      {
        type: 'LineString',
        coordinates: [
          [120.8, 31.3],
          [120.8, 31.3],
        ],
      },
      /has no length/,
    ],
    [
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 0],
          [1, 1],
          [0.5, -1],
        ],
      },
      /crosses itself near \[0.75,0\]/,
    ],
    [{ type: 'MultiLineString', coordinates: [] }, /non-empty array of lines/],
    [
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 0],
            [1, 0],
          ],
          [[2, 0]],
        ],
      },
      /coordinates\[1\] has 1 position/,
    ],
  ];
  for (const [g, message] of bad) {
    it(`refuses ${JSON.stringify(g)?.slice(0, 70)}`, () =>
      assert.match(lineGeometryProblem(g) ?? '', message));
  }
});
