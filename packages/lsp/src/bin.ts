#!/usr/bin/env bun
import { main } from "./main.ts";

main(process.argv.slice(2));
