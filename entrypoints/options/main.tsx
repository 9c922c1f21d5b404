import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/options-app';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
