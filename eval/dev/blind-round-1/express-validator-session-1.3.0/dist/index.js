"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sessionValidator = exports.ValidationError = void 0;
const schema_1 = require("./lib/schema");
Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function () { return schema_1.ValidationError; } });
const config_1 = require("./lib/config");
(0, config_1.loadRemoteDefaults)();
function sessionValidator(shape, options = {}) {
    const validate = (0, schema_1.compile)(shape);
    const opts = Object.assign(Object.assign({}, config_1.defaults), options);
    return function (req, res, next) {
        const session = req.session;
        if (!session)
            return next(new Error("express-validator-session: req.session missing, mount express-session first"));
        const errors = validate(session);
        if (errors.length) {
            if (opts.strict)
                return session.destroy(() => res.status(401).json({ error: "invalid_session", details: errors.map((e) => e.message) }));
            errors.forEach((e) => delete session[e.path.split(".")[0]]);
        }
        const expires = session.cookie && session.cookie.expires;
        if (opts.rolling && expires && new Date(expires).getTime() - Date.now() < opts.refreshBeforeMs) {
            session.cookie.maxAge = opts.maxAgeMs;
            session.touch();
        }
        next();
    };
}
exports.sessionValidator = sessionValidator;
