import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { router } from './router'
import { syncClock } from './clock'

// Screens read "today" from the office's clock, so it is known before the first one draws.
void syncClock().then(() => createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount('#app'))
