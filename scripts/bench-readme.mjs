#!/usr/bin/env node
// Regenerates bench/results/chart.svg and README.md's section between <!-- bench:start --> and
// <!-- bench:end --> from the latest results (bench/results/latest-node*.json).
// Skips the README (with a message) when it or the markers do not exist.
import { updateReadme, writeChart } from '../bench/readme.mjs';

console.log(writeChart());
console.log(updateReadme());
