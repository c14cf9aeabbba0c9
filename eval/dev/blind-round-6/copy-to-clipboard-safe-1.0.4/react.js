"use strict";
// React hook wrapper: const [copied, copy] = useCopy();
const { copy } = require("./index");

function useCopy(React, { resetAfter = 1500 } = {}) {
  const [copied, setCopied] = React.useState(false);
  const timer = React.useRef(null);
  React.useEffect(() => () => clearTimeout(timer.current), []);
  const doCopy = React.useCallback(async (text) => {
    const ok = await copy(text);
    setCopied(ok);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), resetAfter);
    return ok;
  }, [resetAfter]);
  return [copied, doCopy];
}

function CopyButton(React) {
  return function CopyButtonImpl({ text, children = "Copy", copiedLabel = "Copied!", ...rest }) {
    const [copied, doCopy] = useCopy(React);
    return React.createElement("button", Object.assign({ type: "button", onClick: () => doCopy(text), "aria-live": "polite" }, rest), copied ? copiedLabel : children);
  };
}

module.exports = { useCopy, CopyButton };
