import { createApp } from 'vue'
import { ElLoading, ElMessage, ElMessageBox, provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
// Components come with their templates (vite.config.ts); the services called from code
// (messages, message boxes, v-loading) bring their styles here.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/loading/style/css'
import './style.css'
import App from './App.vue'
import { router } from './router'
import { syncClock } from './clock'

// Screens read "today" from the office's clock, so it is known before the first one draws.
void syncClock().then(() => {
  const app = createApp(App)
  // Chinese for every component and for the message boxes opened from code (their app context).
  provideGlobalConfig({ locale: zhCn }, app, true)
  app.use(ElMessage).use(ElMessageBox).use(ElLoading).use(router).mount('#app')
})
