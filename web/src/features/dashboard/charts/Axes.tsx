// The frame every time chart shares: a viewBox sized for a phone (so text stays legible at
// 360 px), the plot area inside it, the value axis's ends, and a few day labels.
import type { Box } from "../scale";

export const WIDTH = 320;
export const HEIGHT = 150;
export const PLOT: Box = { left: 34, top: 10, width: WIDTH - 34 - 8, height: HEIGHT - 10 - 24 };

export interface Tick {
  x: number;
  text: string;
}

/** Keeps the first and last labels inside the picture: they hang towards the middle. */
function anchor(index: number, count: number): "start" | "middle" | "end" {
  if (count === 1) return "middle";
  if (index === 0) return "start";
  return index === count - 1 ? "end" : "middle";
}

export function Axes({ box, top, bottom, ticks }: { box: Box; top: string; bottom: string; ticks: Tick[] }) {
  const base = box.top + box.height;
  const right = box.left + box.width;
  return (
    <g class="dashboard-axes">
      <line x1={box.left} x2={right} y1={box.top} y2={box.top} class="dashboard-grid" />
      <line x1={box.left} x2={right} y1={base} y2={base} class="dashboard-base" />
      <text x={box.left - 4} y={box.top + 4} text-anchor="end">
        {top}
      </text>
      <text x={box.left - 4} y={base + 4} text-anchor="end">
        {bottom}
      </text>
      {ticks.map((tick, index) => (
        <text x={tick.x} y={base + 16} text-anchor={anchor(index, ticks.length)}>
          {tick.text}
        </text>
      ))}
    </g>
  );
}
