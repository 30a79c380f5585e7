/**
 * The "near me" button of "Find a committee": shown only where the browser can locate, it
 * searches from the visitor's position. A few hundred bytes, served on its own and loaded by
 * that page only. The position is rounded to about a kilometre: it is all a search needs,
 * and the address it travels in ends up in logs.
 */
export const nearMeScript = `(function(){
var b=document.querySelector('[data-near-me]');
if(!b||!navigator.geolocation)return;
var s=document.querySelector('[data-near-me-status]');
b.hidden=false;
b.addEventListener('click',function(){
if(b.getAttribute('aria-busy')==='true')return;
b.setAttribute('aria-busy','true');
if(s)s.textContent=b.getAttribute('data-locating');
navigator.geolocation.getCurrentPosition(function(p){
location.assign('/committees?lat='+p.coords.latitude.toFixed(2)+'&lng='+p.coords.longitude.toFixed(2));
},function(){
b.removeAttribute('aria-busy');
if(s)s.textContent=b.getAttribute('data-denied');
},{enableHighAccuracy:false,timeout:15000,maximumAge:600000});
});
})();
`;
