"use strict";

Object.defineProperty(exports, "__esModule", { value: true });
var _toast = require("./toast");
require("./theme");
exports.toast = _toast.toast;
exports.ToastContainer = _toast.ToastContainer;
exports.default = _toast.toast;
