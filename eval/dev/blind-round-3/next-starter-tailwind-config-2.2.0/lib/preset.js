/** @type {import('tailwindcss').Config} */
module.exports = {
  content: ['./app/**/*.{js,ts,jsx,tsx,mdx}', './pages/**/*.{js,ts,jsx,tsx,mdx}', './components/**/*.{js,ts,jsx,tsx,mdx}'],
  darkMode: 'class',
  theme: {
    container: { center: true, padding: '1rem', screens: { '2xl': '1400px' } },
    extend: {
      colors: { brand: { 50: '#eef6ff', 500: '#2563eb', 900: '#1e3a8a' } },
      fontFamily: { sans: ['var(--font-sans)', 'ui-sans-serif', 'system-ui'] },
      keyframes: { 'fade-in': { from: { opacity: 0 }, to: { opacity: 1 } } },
      animation: { 'fade-in': 'fade-in .2s ease-out' }
    }
  },
  plugins: []
};
