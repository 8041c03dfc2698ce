import { Link } from 'react-router';
import classes from './shell.module.css';

/** The product mark and name; a link home. */
export function Logo({ to = '/' }: { to?: string }) {
  return (
    <Link to={to} className={classes.brand} data-testid="brand">
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="var(--mantine-color-indigo-8)" />
        <path
          d="M9 23V9h7.5a4.5 4.5 0 0 1 0 9H13m3 0 5 5"
          fill="none"
          stroke="#fff"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span>Relais</span>
    </Link>
  );
}
