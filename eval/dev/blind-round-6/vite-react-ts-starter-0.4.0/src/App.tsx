import { useState } from "react";

export default function App() {
  const [count, setCount] = useState(0);
  return (
    <main style={{ fontFamily: "system-ui", padding: 32 }}>
      <h1>Vite + React + TS</h1>
      <button onClick={() => setCount((c) => c + 1)}>count is {count}</button>
      <p>Edit <code>src/App.tsx</code> and save to test HMR.</p>
    </main>
  );
}
